package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// overlapFixed is testdata/overlap/limits_test.go after isolint -fix: the
// first pass saves limit, the second depth, and the third makes
// TestShallow, which reads them, parallel once TestDeep restores them.
const overlapFixed = `package limits

import "testing"

var limit, depth = 1, 1

// TestDeep sets two package variables in a one-line body: the fix of each
// saves its variable first and turns the body into several lines, so the
// two fixes overlap, and each pass of -fix makes one.
func TestDeep(t *testing.T) {
	origDepth := depth
	t.Cleanup(func() { depth = origDepth })
	origLimit := limit
	t.Cleanup(func() { limit = origLimit })
	limit = 9
	depth = 5
	deep(t)
}

func deep(t *testing.T) {
	t.Helper()
	if limit < depth {
		t.Fatalf("limit %d is below depth %d", limit, depth)
	}
}

// TestShallow reads what TestDeep leaves behind.
func TestShallow(t *testing.T) { t.Parallel(); deep(t) }
`

// TestFixOverlap checks findings whose fixes overlap: go vet -fix would
// apply none of them, so a pass reports only the first, and isolint -fix
// makes one pass for each.
func TestFixOverlap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, filepath.Join("testdata", "overlap"))
	before := d.snapshot(t)

	r := d.run(t, bin, "./...")
	r.wantCode(t, 3)
	want := "limits_test.go:10:31: TestDeep writes package variable limit and does not restore it, so the tests after it see the change; save limit and restore it with t.Cleanup\n"
	if got := d.norm(r.stderr); got != want {
		t.Errorf("isolint ./... printed\n%s\nwant\n%s", got, want)
	}
	// go vet -fix itself applies the one fix offered, and succeeds.
	vet := copyModule(t, filepath.Join("testdata", "overlap"))
	r = vet.run(t, "go", "vet", "-vettool="+bin, "-fix", "./...")
	r.wantCode(t, 0)
	r.wantStderr(t, "")
	if got := vet.read(t, "limits_test.go"); !strings.Contains(got, "origLimit := limit") || strings.Contains(got, "origDepth") {
		t.Errorf("after go vet -fix:\n%s\nwant limit saved, and depth not yet", got)
	}

	r = d.run(t, bin, "-fix", "./...")
	r.wantCode(t, 0)
	r.wantStderr(t, "")
	fixed := map[string]string{"go.mod": before["go.mod"], "limits_test.go": overlapFixed}
	d.wantFiles(t, fixed, "after isolint -fix")
	d.run(t, bin, "-fix", "./...").wantCode(t, 0)
	d.wantFiles(t, fixed, "after a second isolint -fix")
	d.run(t, "go", "test", "-count=1", "./...").wantCode(t, 0)
}
