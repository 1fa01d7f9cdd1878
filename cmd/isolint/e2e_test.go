package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/isolint/isolint/analyzers"
)

// demo is the module the test runs on, relative to this package.
const demo = "../../examples/demo"

// A finding is one diagnostic isolint reports on the demo.
type finding struct {
	analyzer  string
	posn, end string // file:line:col, the file relative to the module root
	message   string
	fix       string // the message of its one suggested fix
}

// findings are the demo's diagnostics, in the order isolint prints them:
// by package, then by analyzer in the order main lists them, then by
// position.
var findings = []finding{
	{
		analyzer: "parallel",
		posn:     "config/config_test.go:10:2",
		end:      "config/config_test.go:10:14",
		message:  "TestLangFromEnv calls t.Parallel, but t.Setenv panics in a parallel test; remove t.Parallel",
		fix:      "Remove the t.Parallel() call",
	},
	{
		analyzer: "parallel",
		posn:     "greet/greet_test.go:13:6",
		end:      "greet/greet_test.go:13:15",
		message:  "TestHello does not call t.Parallel and has no isolation hazard: it can run in parallel",
		fix:      "Call t.Parallel()",
	},
	{
		analyzer: "parallel",
		posn:     "greet/greet_test.go:20:6",
		end:      "greet/greet_test.go:20:24",
		message:  "TestHelloLanguages does not call t.Parallel and has no isolation hazard: it can run in parallel",
		fix:      "Call t.Parallel()",
	},
	{
		analyzer: "parallel",
		posn:     "greet/greet_test.go:27:3",
		end:      "greet/greet_test.go:27:37",
		message:  "subtest TestHelloLanguages/<tt.lang> does not call t.Parallel and has no isolation hazard: it can run in parallel",
		fix:      "Call t.Parallel()",
	},
	{
		analyzer: "globalstate",
		posn:     "greet/greet_test.go:40:2",
		end:      "greet/greet_test.go:40:31",
		message:  "TestFromEnv changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv",
		fix:      "Use t.Setenv",
	},
}

// fixDiff is the diff of the demo's fixes, as `isolint -fix -diff` and
// `go fix -diff` print it, with file names relative to the module root.
const fixDiff = `--- config/config_test.go (old)
+++ config/config_test.go (new)
@@ -7,7 +7,6 @@
 // removes its t.Parallel call. It has a package of its own so that the
 // panic, which ends the test binary, hides no other test.
 func TestLangFromEnv(t *testing.T) {
-	t.Parallel()
 	t.Setenv("GREET_LANG", "fr")
 	if got := Lang(); got != "fr" {
 		t.Errorf("Lang() = %q, want %q", got, "fr")
--- greet/greet_test.go (old)
+++ greet/greet_test.go (new)
@@ -1,7 +1,6 @@
 package greet_test
 
 import (
-	"os"
 	"testing"
 	"time"
 
@@ -11,6 +10,7 @@
 
 // TestHello touches nothing but its own values: it can run in parallel.
 func TestHello(t *testing.T) {
+	t.Parallel()
 	if got, want := greet.Hello("en", "Gopher"), "Hello, Gopher!"; got != want {
 		t.Errorf("Hello = %q, want %q", got, want)
 	}
@@ -18,6 +18,7 @@
 
 // TestHelloLanguages and each of its subtests can run in parallel.
 func TestHelloLanguages(t *testing.T) {
+	t.Parallel()
 	tests := []struct{ lang, want string }{
 		{"en", "Hello, Ada!"},
 		{"fr", "Bonjour, Ada!"},
@@ -25,6 +26,7 @@
 	}
 	for _, tt := range tests {
 		t.Run(tt.lang, func(t *testing.T) {
+			t.Parallel()
 			if got := greet.Hello(tt.lang, "Ada"); got != tt.want {
 				t.Errorf("Hello(%q) = %q, want %q", tt.lang, got, tt.want)
 			}
@@ -37,7 +39,7 @@
 // it. Either way the test must not run in parallel, and isolint does not
 // suggest it.
 func TestFromEnv(t *testing.T) {
-	os.Setenv("GREET_LANG", "de")
+	t.Setenv("GREET_LANG", "de")
 	if got, want := greet.FromEnv("Gopher"), "Hallo, Gopher!"; got != want {
 		t.Errorf("FromEnv = %q, want %q", got, want)
 	}
`

// parallelConflict is the testing package's panic for t.Setenv in a
// parallel test.
const parallelConflict = "testing: test using t.Setenv, t.Chdir, or cryptotest.SetGlobalRandom can not use t.Parallel"

// TestE2E builds isolint and runs it on the demo module in examples/demo
// the ways a user does: standalone, with -json, with -fix, as the -vettool
// of go vet and as the -fixtool of go fix. It checks the output and the
// exit code of each, and that the fixed module builds, passes its tests, is
// gofmt-clean and has nothing left to fix.
//
// The demo's TestLangFromEnv calls t.Parallel and t.Setenv, which panics:
// `go test` fails in its package until isolint's fix is applied. That is
// the point of the finding, so the test checks it: before the fix exactly
// that test fails, with the testing package's panic; after it, every test
// passes.
func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)

	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		r := d.run(t, bin, "./...")
		r.wantCode(t, 3) // diagnostics reported
		r.wantStdout(t, "")
		if got, want := lines(d.norm(r.stderr)), textLines(findings); !slices.Equal(got, want) {
			t.Errorf("isolint ./... printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	// The in-process driver, which loads every package from source, gives
	// the same findings and fixes as the go vet driver.
	t.Run("checker", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		r := d.run(t, "env", "ISOLINT_DRIVER=checker", bin, "./...")
		r.wantCode(t, 3)
		r.wantStdout(t, "")
		if got, want := lines(d.norm(r.stderr)), textLines(findings); !slices.Equal(got, want) {
			t.Errorf("isolint ./... (in-process) printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		want := d.applyDiff(t, fixDiff)
		d.run(t, "env", "ISOLINT_DRIVER=checker", bin, "-fix", "./...").wantCode(t, 0)
		d.wantFiles(t, want, "after isolint -fix (in-process)")
	})

	// A package that does not compile is an error (exit code 1) through go
	// vet, which does not analyze it. The in-process driver prints the
	// type error and analyzes the package all the same.
	t.Run("errors", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		if err := os.WriteFile(filepath.Join(d.dir, "greet", "broken.go"), []byte("package greet\n\nfunc broken() int { return \"x\" }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			args []string
			code int
		}{
			{[]string{bin, "./..."}, 1},
			{[]string{bin, "-json", "./..."}, 1},
			{[]string{"env", "ISOLINT_DRIVER=checker", bin, "./..."}, 3},
		} {
			r := d.run(t, c.args[0], c.args[1:]...)
			r.wantCode(t, c.code)
			if !strings.Contains(r.stderr, "broken.go:3:28") {
				t.Errorf("%s: stderr does not name the error:\n%s", r.cmd, r.stderr)
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		r := d.run(t, bin, "-json", "./...")
		r.wantCode(t, 3) // findings, as in every output format
		r.wantStderr(t, "")
		d.checkJSON(t, r.stdout)
	})

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		before := d.snapshot(t)
		want := d.applyDiff(t, fixDiff)

		r := d.run(t, "go", "test", "./...")
		r.wantCode(t, 1)
		for _, s := range []string{"--- FAIL: TestLangFromEnv", parallelConflict, "FAIL\texample.com/demo/config", "ok  \texample.com/demo/greet"} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("go test ./... before the fix: output lacks %q:\n%s", s, r.stdout)
			}
		}
		if n := strings.Count(r.stdout, "--- FAIL"); n != 1 {
			t.Errorf("go test ./... before the fix: %d tests fail, want 1:\n%s", n, r.stdout)
		}

		r = d.run(t, bin, "-fix", "-diff", "./...")
		r.wantCode(t, 0)
		r.wantStderr(t, "")
		if got := d.norm(r.stdout); got != fixDiff {
			t.Errorf("isolint -fix -diff ./... printed\n%s\nwant\n%s", got, fixDiff)
		}
		d.wantFiles(t, before, "after isolint -fix -diff")

		r = d.run(t, bin, "-fix", "./...")
		r.wantCode(t, 0)
		r.wantStdout(t, "")
		r.wantStderr(t, "")
		d.wantFiles(t, want, "after isolint -fix")

		for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "./..."}} {
			d.run(t, "go", args...).wantCode(t, 0)
		}
		if r := d.run(t, "gofmt", "-l", "."); r.code != 0 || r.stdout != "" {
			t.Errorf("gofmt -l . after the fix: exit code %d, output:\n%s%s", r.code, r.stdout, r.stderr)
		}

		r = d.run(t, bin, "-fix", "./...")
		r.wantCode(t, 0)
		r.wantStdout(t, "")
		r.wantStderr(t, "")
		d.wantFiles(t, want, "after a second isolint -fix")
		r = d.run(t, bin, "./...")
		r.wantCode(t, 0)
		r.wantStdout(t, "")
		r.wantStderr(t, "")
	})

	t.Run("vet", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		// go vet runs the tool with -json and prints the diagnostics
		// itself, with file names relative to the current directory, in
		// the order the packages finish: compare them sorted.
		r := d.run(t, "go", "vet", "-vettool="+bin, "./...")
		r.wantCode(t, 1)
		r.wantStdout(t, "")
		got, want := lines(d.norm(r.stderr)), textLines(findings)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("go vet -vettool printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		r = d.run(t, "go", "vet", "-vettool="+bin, "-json", "./...")
		r.wantCode(t, 0)
		r.wantStderr(t, "")
		d.checkJSON(t, r.stdout)
	})

	t.Run("gofix", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		before := d.snapshot(t)
		want := d.applyDiff(t, fixDiff)

		// go fix -diff exits 1 when the diff is not empty. Packages are
		// fixed concurrently, so the files may come in any order.
		r := d.run(t, "go", "fix", "-fixtool="+bin, "-diff", "./...")
		r.wantCode(t, 1)
		r.wantStderr(t, "")
		if got, want := fileDiffs(d.norm(r.stdout)), fileDiffs(fixDiff); !slices.Equal(got, want) {
			t.Errorf("go fix -diff printed\n%s\nwant\n%s", d.norm(r.stdout), fixDiff)
		}
		d.wantFiles(t, before, "after go fix -diff")

		r = d.run(t, "go", "fix", "-fixtool="+bin, "./...")
		r.wantCode(t, 0)
		r.wantStdout(t, "")
		r.wantStderr(t, "")
		d.wantFiles(t, want, "after go fix")

		r = d.run(t, "go", "fix", "-fixtool="+bin, "-diff", "./...")
		r.wantCode(t, 0)
		r.wantStdout(t, "")
		r.wantStderr(t, "")
		r = d.run(t, "go", "vet", "-vettool="+bin, "./...")
		r.wantCode(t, 0)
		r.wantStderr(t, "")
		d.run(t, "go", "test", "./...").wantCode(t, 0)
	})

	t.Run("help", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		r := run(t, dir, bin, "help")
		r.wantCode(t, 0)
		if !strings.Contains(r.stdout, "Registered analyzers:") {
			t.Errorf("isolint help: output lacks the list of analyzers:\n%s", r.stdout)
		}
		for _, a := range analyzers.All() {
			title, rest, _ := strings.Cut(a.Doc, "\n\n")
			if s := fmt.Sprintf("    %-12s %s\n", a.Name, title); !strings.Contains(r.stdout, s) {
				t.Errorf("isolint help: output lacks %q:\n%s", s, r.stdout)
			}
			r := run(t, dir, bin, "help", a.Name)
			r.wantCode(t, 0)
			// The title, then the flags, then the rest of the documentation
			// as doc.go has it.
			for _, s := range []string{a.Name + ": " + title + "\n", "\n" + rest + "\n"} {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("isolint help %s: output lacks %q:\n%s", a.Name, s, r.stdout)
				}
			}
		}

		r = run(t, dir, bin, "help", "parallel")
		r.wantCode(t, 0)
		for _, s := range []string{
			"parallel: report tests that could call t.Parallel, and parallel tests that must not\n",
			"-parallel.skip string",
			"It also reports a test that calls t.Parallel and also, itself or in a\nsubtest, t.Setenv, t.Chdir or cryptotest.SetGlobalRandom: the testing\npackage panics.",
		} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("isolint help parallel: output lacks %q:\n%s", s, r.stdout)
			}
		}
	})
}

// buildIsolint builds this command into a temporary directory and returns
// the binary's path.
func buildIsolint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "isolint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	run(t, ".", "go", "build", "-o", bin, ".").wantCode(t, 0)
	return bin
}

// A demoCopy is a copy of the demo module that a subtest may change.
type demoCopy struct {
	dir string // absolute, without symbolic links, as the tools print it
}

// copyDemo copies the demo module into a new temporary directory.
func copyDemo(t *testing.T) demoCopy {
	t.Helper()
	return copyModule(t, demo)
}

// copyModule copies the module in the directory src into a new temporary
// directory.
func copyModule(t *testing.T, src string) demoCopy {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatalf("copying the module %s: %v", src, err)
	}
	return demoCopy{dir: dir}
}

// download fetches the modules the copy requires through the module
// proxy, so that the offline runs of run can build it.
func (d demoCopy) download(t *testing.T) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = d.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", d.dir, err, out)
	}
}

func (d demoCopy) run(t *testing.T, name string, args ...string) result {
	t.Helper()
	return run(t, d.dir, name, args...)
}

// norm makes the file names in the output of a tool relative to the
// module root.
func (d demoCopy) norm(s string) string {
	return strings.ReplaceAll(s, d.dir+string(filepath.Separator), "")
}

// snapshot returns the contents of the copy's files by their slash-separated
// names.
func (d demoCopy) snapshot(t *testing.T) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := fs.WalkDir(os.DirFS(d.dir), ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(name)))
		files[name] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// wantFiles checks that the copy holds exactly the files of want.
func (d demoCopy) wantFiles(t *testing.T, want map[string]string, when string) {
	t.Helper()
	got := d.snapshot(t)
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if w, ok := want[name]; !ok {
			t.Errorf("%s: unexpected file %s", when, name)
		} else if got[name] != w {
			t.Errorf("%s: %s", when, firstDifference(name, got[name], w))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: file %s is missing", when, name)
		}
	}
}

// firstDifference describes the first line where the contents got and want
// of the file name differ.
func firstDifference(name, got, want string) string {
	g, w := lines(got), lines(want)
	for i := range max(len(g), len(w)) {
		gl, wl := "(end of file)", "(end of file)"
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("%s:%d is %q, want %q", name, i+1, gl, wl)
		}
	}
	return name + " differs in its final newline"
}

// applyDiff returns the copy's files as they are once the unified diff,
// with names relative to the module root, is applied. It fails the test
// when the diff does not fit the files.
func (d demoCopy) applyDiff(t *testing.T, diff string) map[string]string {
	t.Helper()
	files := d.snapshot(t)
	for _, fd := range fileDiffs(diff) {
		ls := strings.SplitAfter(fd, "\n")
		name := strings.TrimSuffix(strings.TrimPrefix(ls[0], "--- "), " (old)\n")
		old, ok := files[name]
		if !ok {
			t.Fatalf("diff of a file that is not in the demo: %s", name)
		}
		in := strings.SplitAfter(old, "\n")
		var out []string
		at := 0 // index in in of the next line to copy
		for _, l := range ls[2:] {
			switch {
			case l == "":
			case strings.HasPrefix(l, "@@ "):
				var start int
				if _, err := fmt.Sscanf(l, "@@ -%d", &start); err != nil || start-1 < at || start-1 > len(in) {
					t.Fatalf("bad hunk header %q in the diff of %s", l, name)
				}
				out = append(out, in[at:start-1]...)
				at = start - 1
			case l[0] == '+':
				out = append(out, l[1:])
			case l[0] == ' ' || l[0] == '-':
				if at >= len(in) || in[at] != l[1:] {
					t.Fatalf("the diff of %s does not fit line %d: %q", name, at+1, l)
				}
				if l[0] == ' ' {
					out = append(out, in[at])
				}
				at++
			default:
				t.Fatalf("unexpected line in the diff of %s: %q", name, l)
			}
		}
		files[name] = strings.Join(append(out, in[at:]...), "")
	}
	return files
}

// fileDiffs splits a unified diff into the diffs of each file, sorted.
func fileDiffs(diff string) []string {
	var files []string
	for _, l := range strings.SplitAfter(diff, "\n") {
		if len(files) == 0 || strings.HasPrefix(l, "--- ") && strings.HasSuffix(l, " (old)\n") {
			files = append(files, "")
		}
		files[len(files)-1] += l
	}
	slices.Sort(files)
	return files
}

// checkJSON checks the diagnostics that a driver printed with -json: one
// object, or (go vet) one object per package, each mapping package and
// analyzer to a list of diagnostics or to an error.
func (d demoCopy) checkJSON(t *testing.T, out string) {
	t.Helper()
	var got []finding
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decoding the JSON output: %v\n%s", err, out)
		}
		for _, pkg := range slices.Sorted(maps.Keys(tree)) {
			for analyzer, raw := range tree[pkg] {
				var diags []diagnostic // as vet.go reads them
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("%s: %s: %s", pkg, analyzer, raw) // {"error": "..."}
					continue
				}
				for _, diag := range diags {
					f := finding{analyzer: analyzer, posn: d.norm(diag.Posn), end: d.norm(diag.End), message: diag.Message}
					if len(diag.SuggestedFixes) != 1 {
						t.Errorf("%s: %d suggested fixes, want 1", f.posn, len(diag.SuggestedFixes))
					} else {
						fix := diag.SuggestedFixes[0]
						f.fix = fix.Message
						if len(fix.Edits) == 0 {
							t.Errorf("%s: the suggested fix %q has no edits", f.posn, fix.Message)
						}
						for _, e := range fix.Edits {
							if !strings.HasPrefix(e.Filename, d.dir+string(filepath.Separator)) || e.Start > e.End {
								t.Errorf("%s: the suggested fix %q has an edit of %s at %d..%d", f.posn, fix.Message, e.Filename, e.Start, e.End)
							}
						}
					}
					got = append(got, f)
				}
			}
		}
	}
	want := slices.Clone(findings)
	for _, list := range [][]finding{got, want} {
		slices.SortFunc(list, func(a, b finding) int { return strings.Compare(a.posn, b.posn) })
	}
	if !slices.Equal(got, want) {
		t.Errorf("JSON diagnostics:\n%s\nwant\n%s", describe(got), describe(want))
	}
}

// describe lists findings one a line, with everything the JSON output says.
func describe(findings []finding) string {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "%s-%s: %s: %s [fix: %s]\n", f.posn, f.end, f.analyzer, f.message, f.fix)
	}
	return b.String()
}

// textLines returns the lines the drivers print for findings in text mode.
func textLines(findings []finding) []string {
	var out []string
	for _, f := range findings {
		out = append(out, filepath.FromSlash(f.posn)+": "+f.message)
	}
	return out
}

func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// A result is what a command did.
type result struct {
	cmd            string
	code           int
	stdout, stderr string
}

// run runs name in dir and waits for it. The command gets the test's
// environment with these changes: it is offline (the demo has no
// dependencies, and building isolint needs only what compiling this test
// did), outside any workspace, with the local toolchain, and GOFLAGS is set,
// not inherited, so that a user's -mod or -tags cannot change what is built.
// (An empty GOFLAGS would not do: the go command then takes it from the go
// env file.) It is -buildvcs=false because a copy in a temporary directory
// has no version control, and stamping the isolint binary fails where git
// refuses a repository that another user owns.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return runEnv(t.Context(), t, dir, nil, name, args...)
}

// runEnv is run, with the environment variables env set too, and ctx to
// stop the command.
func runEnv(ctx context.Context, t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r := result{cmd: strings.Join(append([]string{filepath.Base(name)}, args...), " ")}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() < 0 {
			t.Fatalf("%s: %v\n%s", r.cmd, err, stderr.Bytes())
		}
		r.code = exit.ExitCode()
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	return r
}

func (r result) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.cmd, r.code, code, r.stdout, r.stderr)
	}
}

func (r result) wantStdout(t *testing.T, want string) {
	t.Helper()
	if r.stdout != want {
		t.Errorf("%s: stdout is\n%s\nwant\n%s", r.cmd, r.stdout, want)
	}
}

func (r result) wantStderr(t *testing.T, want string) {
	t.Helper()
	if r.stderr != want {
		t.Errorf("%s: stderr is\n%s\nwant\n%s", r.cmd, r.stderr, want)
	}
}
