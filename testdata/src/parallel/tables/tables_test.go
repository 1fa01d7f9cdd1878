package tables

import (
	"context"
	"os"
	"strings"
	"testing"

	"parallel/helpers"
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

// A named function in the table is followed from the subtest that calls
// it: it changes the working directory of the subtest's t, so neither the
// subtest nor its parent can run in parallel (t.Chdir would panic).
func TestNamedSetup(t *testing.T) {
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

// The same table written without keys.
func TestNamedSetupPositional(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T)
	}{
		{"plain", nil},
		{"dir", chdirToTemp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup(t)
			}
		})
	}
}

func checkUpper(t *testing.T, got string) {
	if strings.ToUpper(got) != got {
		t.Error(got)
	}
}

// A named check that only compares: the subtests and their parent can run
// in parallel, keyed or not.
func TestNamedCheck(t *testing.T) { // want `TestNamedCheck does not call t.Parallel`
	tests := []struct {
		in    string
		check func(t *testing.T, got string)
	}{
		{"A", checkUpper},
		{in: "B", check: checkUpper},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { // want `subtest TestNamedCheck/<tt.in> does not call t.Parallel`
			tt.check(t, tt.in)
		})
	}
}

var lastChecked string

func checkAndRemember(t *testing.T, got string) {
	lastChecked = got
}

// A named check that writes a package variable holds back its subtests
// and their parent.
func TestNamedCheckWrites(t *testing.T) {
	tests := []struct {
		in    string
		check func(t *testing.T, got string)
	}{
		{in: "a", check: checkAndRemember},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			tt.check(t, tt.in)
		})
	}
}

// A named function of another package: its facts say that it sets the
// environment of the whole process.
func TestImportedSetup(t *testing.T) {
	tests := []struct {
		name  string
		setup func()
	}{
		{name: "env", setup: helpers.SetupEnv},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup()
		})
	}
}

type counter struct{ n int }

func bump(c *counter) { c.n++ }

// A named function that writes through the pointer it is given, called
// with a counter that every row shares: the subtests stay sequential.
func TestNamedMutates(t *testing.T) { // want `TestNamedMutates does not call t.Parallel`
	shared := &counter{}
	tests := []struct {
		name  string
		c     *counter
		apply func(*counter)
	}{
		{name: "a", c: shared, apply: bump},
		{name: "b", c: shared, apply: bump},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.apply(tt.c)
		})
	}
}

func same(t *testing.T, a, b any) {
	if a != b {
		t.Error(a, b)
	}
}

// The table holds the parent's t, as a value and in a check: a parallel
// subtest would use it after the parent's body has returned.
func TestTableHoldsParentT(t *testing.T) { // want `TestTableHoldsParentT does not call t.Parallel`
	tests := []struct {
		name  string
		got   any
		check func(got any)
	}{
		{name: "value", got: t, check: func(got any) {}},
		{name: "check", got: 1, check: func(got any) { same(t, got, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(tt.got)
		})
	}
}

// The parent's t only builds the rows: its context lasts until the
// parent's cleanup, after its parallel subtests.
func TestTableBuiltWithT(t *testing.T) { // want `TestTableBuiltWithT does not call t.Parallel`
	tests := []struct {
		name string
		ctx  context.Context
	}{
		{name: "plain", ctx: t.Context()},
		{name: "value", ctx: context.WithValue(t.Context(), key{}, "v")},
		{name: "built", ctx: func() context.Context {
			if t.Context() == nil {
				t.Fatal("no context")
			}
			return t.Context()
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { // want `subtest TestTableBuiltWithT/<tt.name> does not call t.Parallel`
			if tt.ctx.Err() != nil {
				t.Error(tt.ctx.Err())
			}
		})
	}
}

type key struct{}
