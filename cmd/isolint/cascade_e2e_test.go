package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// cascadeFixed is testdata/cascade/store_test.go after isolint -fix: the
// registry fix moves the file under t.TempDir(), which leaves the test
// no hazard, and the second pass adds t.Parallel().
const cascadeFixed = `package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSave writes to a path that every run of the test shares. Once it
// writes under t.TempDir() instead, nothing keeps it from running in
// parallel.
func TestSave(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cascade-save.txt")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "x" {
		t.Fatalf("got %q, %v", got, err)
	}
}
`

// TestFixCascade checks that one isolint -fix leaves nothing for a second
// to do, when a fix enables another: -fix -diff shows one pass, -fix
// applies passes until none is left.
func TestFixCascade(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, filepath.Join("testdata", "cascade"))
	before := d.snapshot(t)

	r := d.run(t, bin, "./...")
	r.wantCode(t, 3)
	want := "store_test.go:12:12: TestSave creates the fixed path \"/tmp/cascade-save.txt\" (os.WriteFile): other runs, tests and packages that go test runs at the same time share it; use a path under t.TempDir()\n"
	if got := d.norm(r.stderr); got != want {
		t.Errorf("isolint ./... printed\n%s\nwant\n%s", got, want)
	}

	// -diff shows the pass that -fix makes first, without t.Parallel():
	// offered together with a hazard's own fix, it could panic.
	r = d.run(t, bin, "-fix", "-diff", "./...")
	r.wantCode(t, 0)
	if strings.Contains(r.stdout, "t.Parallel()") || !strings.Contains(r.stdout, "+\tpath := filepath.Join(t.TempDir(), \"cascade-save.txt\")") {
		t.Errorf("isolint -fix -diff printed\n%s\nwant the registry fix alone", r.stdout)
	}
	d.wantFiles(t, before, "after isolint -fix -diff")

	r = d.run(t, bin, "-fix", "./...")
	r.wantCode(t, 0)
	r.wantStdout(t, "")
	r.wantStderr(t, "")
	d.wantFiles(t, map[string]string{"go.mod": before["go.mod"], "store_test.go": cascadeFixed}, "after isolint -fix")

	// Nothing left: a second -fix changes nothing, and nothing is reported.
	d.run(t, bin, "-fix", "./...").wantCode(t, 0)
	d.wantFiles(t, map[string]string{"go.mod": before["go.mod"], "store_test.go": cascadeFixed}, "after a second isolint -fix")
	r = d.run(t, bin, "./...")
	r.wantCode(t, 0)
	r.wantStderr(t, "")
	d.run(t, "go", "test", "-count=2", "./...").wantCode(t, 0)
}
