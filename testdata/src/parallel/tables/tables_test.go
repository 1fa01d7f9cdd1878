package tables

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The table's setup sets the environment with the subtest's t: the subtest
// calls it, so neither it nor its parent can run in parallel (t.Setenv
// would panic).
func TestSetupSetsEnv(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T)
	}{
		{name: "plain"},
		{name: "env", setup: func(t *testing.T) { t.Setenv("TABLES_DIR", "/x") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup(t)
			}
			_ = os.Getenv("TABLES_DIR")
		})
	}
}

// The table's checks only compare: its subtests can run in parallel.
func TestChecksCompare(t *testing.T) { // want `TestChecksCompare does not call t.Parallel`
	tests := []struct {
		in    string
		check func(t *testing.T, got string)
	}{
		{in: "a", check: func(t *testing.T, got string) {
			if got != "A" {
				t.Error(got)
			}
		}},
		{in: "b", check: func(t *testing.T, got string) {
			if got != "B" {
				t.Error(got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { // want `subtest TestChecksCompare/<tt.in> does not call t.Parallel`
			tt.check(t, strings.ToUpper(tt.in))
		})
	}
}

func chdirToTemp(t *testing.T) { t.Chdir(t.TempDir()) }

// A named function in the table is not followed from the subtest that
// calls it: the subtest is held back. (Its parent waits by the clock.)
func TestNamedSetup(t *testing.T) {
	time.Sleep(time.Millisecond)
	tests := []struct {
		name  string
		setup func(t *testing.T)
	}{
		{name: "dir", setup: chdirToTemp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup(t)
		})
	}
}
