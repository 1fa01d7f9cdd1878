package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isolint/isolint/internal/vetjson"
)

// oldToolchains are the go commands older than Go 1.26 that
// TestToolchains puts on PATH: their go vet prints what the tool prints
// on its own standard error and has no -fix flag. Each is about 70 MB,
// fetched once through the module proxy into the module cache.
var oldToolchains = []string{"go1.22.12", "go1.24.13", "go1.25.14"}

// TestToolchains runs isolint with each of oldToolchains first on PATH
// (and GOTOOLCHAIN=local) on testdata/oldgo, a go 1.19 module with an
// unrestored os.Setenv, and checks that it reports, fixes and exits as
// it does with the go command of Go 1.26 that runs the test: never a
// silent exit 0 with the findings lost.
func TestToolchains(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches old Go toolchains and runs them")
	}
	t.Parallel()
	gos := fetchToolchains(t, oldToolchains)
	bin := buildIsolint(t)

	// What isolint does with the go command of Go 1.26.
	want := toolchainRun(t, bin, "go")
	for _, c := range []struct {
		r    result
		code int
	}{{want.text, 3}, {want.report, 3}, {want.diff, 0}, {want.fix, 0}, {want.broken, 1}, {want.vet, 1}} {
		if c.r.code != c.code {
			t.Fatalf("%s with %s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", c.r.cmd, want.version, c.r.code, c.code, c.r.stdout, c.r.stderr)
		}
	}
	wantFindings(t, want.report.stdout)

	for _, v := range oldToolchains {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			got := toolchainRun(t, bin, gos[v])
			got.compare(t, want)
		})
	}
}

// A toolchainOutcome is what isolint and go vet did on testdata/oldgo
// with one go command first on PATH; file names are relative to the
// module's root.
type toolchainOutcome struct {
	version    string
	text       result            // isolint ./...
	report     result            // isolint -json ./...
	diff       result            // isolint -fix -diff ./...
	fix        result            // isolint -fix ./...
	fixed      map[string]string // the module's files after isolint -fix
	broken     result            // isolint ./... on the module with a type error
	brokenJSON result            // isolint -json ./... on it
	vet        result            // go vet -vettool=isolint ./...
}

// toolchainRun runs isolint on copies of testdata/oldgo with the go
// command goCmd first on PATH.
func toolchainRun(t *testing.T, bin, goCmd string) toolchainOutcome {
	t.Helper()
	path, err := exec.LookPath(goCmd)
	if err != nil {
		t.Fatal(err)
	}
	pathEnv := "PATH=" + filepath.Dir(path) + string(os.PathListSeparator) + os.Getenv("PATH")
	var o toolchainOutcome
	var d demoCopy
	cmd := func(name string, args ...string) result {
		// At most two minutes for each command.
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()
		r := runEnv(ctx, t, d.dir, []string{pathEnv}, name, args...)
		r.stdout, r.stderr = d.norm(r.stdout), d.norm(r.stderr)
		return r
	}
	isolint := func(args ...string) result { return cmd(bin, args...) }

	d = copyModule(t, filepath.Join("testdata", "oldgo"))
	o.version = strings.TrimSpace(cmd(path, "env", "GOVERSION").stdout)
	o.text = isolint("./...")
	o.report = isolint("-json", "./...")
	o.diff = isolint("-fix", "-diff", "./...")
	o.vet = cmd(path, "vet", "-vettool="+bin, "./...")
	o.fix = isolint("-fix", "./...")
	o.fixed = d.snapshot(t)
	if r := cmd(path, "vet", "./..."); r.code != 0 {
		t.Errorf("%s: go vet ./... after isolint -fix: exit code %d\n%s", o.version, r.code, r.stderr)
	}

	d = copyModule(t, filepath.Join("testdata", "oldgo"))
	if err := os.WriteFile(filepath.Join(d.dir, "greet", "broken.go"), []byte("package greet\n\nfunc broken() int { return \"x\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o.broken = isolint("./...")
	o.brokenJSON = isolint("-json", "./...")
	return o
}

// compare checks that o, with an older go command, is what want is with
// Go 1.26.
func (o toolchainOutcome) compare(t *testing.T, want toolchainOutcome) {
	t.Helper()
	for _, c := range []struct {
		got, want result
		stdout    func(string) string // what of the standard output must be the same
	}{
		{o.text, want.text, nil},
		{o.report, want.report, nil},
		// The diffs of the packages come in the order they finish.
		{o.diff, want.diff, func(s string) string { return strings.Join(fileDiffs(s), "") }},
	} {
		norm := c.stdout
		if norm == nil {
			norm = func(s string) string { return s }
		}
		if c.got.code != c.want.code || norm(c.got.stdout) != norm(c.want.stdout) || c.got.stderr != c.want.stderr {
			t.Errorf("with %s, %s: exit code %d, stdout:\n%s\nstderr:\n%s\nwant, as with %s: exit code %d, stdout:\n%s\nstderr:\n%s",
				o.version, c.got.cmd, c.got.code, c.got.stdout, c.got.stderr, want.version, c.want.code, c.want.stdout, c.want.stderr)
		}
	}

	if o.fix.code != want.fix.code || o.fix.stdout != "" || o.fix.stderr != "" {
		t.Errorf("with %s, isolint -fix ./...: exit code %d, output:\n%s%s\nwant exit code %d and no output", o.version, o.fix.code, o.fix.stdout, o.fix.stderr, want.fix.code)
	}
	for name, w := range want.fixed {
		if o.fixed[name] != w {
			t.Errorf("with %s, after isolint -fix: %s", o.version, firstDifference(name, o.fixed[name], w))
		}
	}

	// A package that does not compile: exit code 1 and the type error,
	// in text and in JSON.
	for _, r := range []result{o.broken, o.brokenJSON} {
		if r.code != 1 || !strings.Contains(r.stderr, "broken.go:3:28") {
			t.Errorf("with %s, %s on a package with a type error: exit code %d, stderr:\n%s\nwant exit code 1 and the error at broken.go:3:28", o.version, r.cmd, r.code, r.stderr)
		}
	}

	// go vet -vettool prints the findings itself (Go 1.26) or lets the
	// tool print them (before), under "# pkg" lines, with file names
	// relative to the module: the same lines, in some order.
	vetLines := func(s string) []string {
		var ls []string
		for _, l := range lines(s) {
			if !strings.HasPrefix(l, "#") {
				ls = append(ls, strings.TrimPrefix(l, "./"))
			}
		}
		slices.Sort(ls)
		return ls
	}
	if got, w := vetLines(o.vet.stderr), vetLines(want.vet.stderr); o.vet.code != want.vet.code || !slices.Equal(got, w) {
		t.Errorf("with %s, go vet -vettool=isolint ./...: exit code %d, stderr:\n%s\nwant, as with %s: exit code %d, stderr:\n%s",
			o.version, o.vet.code, o.vet.stderr, want.version, want.vet.code, want.vet.stderr)
	}
}

// wantFindings checks that the JSON report names the hazards of
// testdata/oldgo: the test that could run in parallel, and the
// unrestored os.Setenv, in the test and through a helper.
func wantFindings(t *testing.T, report string) {
	t.Helper()
	tree, err := vetjson.Read(strings.NewReader(report))
	if err != nil {
		t.Fatalf("reading isolint -json: %v\n%s", err, report)
	}
	var got []string
	for _, a := range []string{"parallel", "globalstate"} {
		diags, failure := tree.Result("example.com/oldgo/greet", a)
		if failure != "" {
			t.Errorf("%s failed: %s", a, failure)
		}
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s %s %d related", a, d.Posn, len(d.Related)))
		}
	}
	for _, w := range []string{
		"parallel greet/greet_test.go:9:6 0 related",
		"globalstate greet/greet_test.go:17:2 0 related",
		"globalstate greet/shout_test.go:14:2 1 related",
	} {
		if !slices.Contains(got, w) {
			t.Errorf("isolint -json ./... with Go 1.26 lacks the finding %q; it has:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// fetchToolchains returns the go commands of versions, by version, and
// fetches those the module cache lacks through the module proxy, in at
// most three minutes each. It skips the test when the proxy cannot be
// reached.
func fetchToolchains(t *testing.T, versions []string) map[string]string {
	t.Helper()
	cache := strings.TrimSpace(run(t, ".", "go", "env", "GOMODCACHE").stdout)
	gos := make(map[string]string)
	for _, v := range versions {
		dir := filepath.Join(cache, "golang.org", "toolchain@v0.0.1-"+v+"."+runtime.GOOS+"-"+runtime.GOARCH)
		goCmd := filepath.Join(dir, "bin", "go")
		if runtime.GOOS == "windows" {
			goCmd += ".exe"
		}
		gos[v] = goCmd
		if _, err := os.Stat(goCmd); err == nil {
			continue
		}
		// The go command fetches a toolchain that GOTOOLCHAIN names
		// (golang.org/toolchain@v0.0.1-go1.22.12.linux-amd64) into the
		// module cache, and runs it.
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, "go", "version")
		cmd.Dir = t.TempDir()
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN="+v, "GOFLAGS=", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			if why := proxyUnreachable(t); why != "" {
				t.Skipf("fetching %s: the module proxy cannot be reached: %s", v, why)
			}
			t.Fatalf("fetching %s: %v\n%s", v, err, out)
		}
		if _, err := os.Stat(goCmd); err != nil {
			t.Fatalf("fetching %s: the go command is not at %s: %v", v, goCmd, err)
		}
	}
	return gos
}

// proxyUnreachable says why the first module proxy of GOPROXY cannot be
// reached, or returns "" when it answers (or is not a web server).
func proxyUnreachable(t *testing.T) string {
	proxy := strings.TrimSpace(run(t, ".", "go", "env", "GOPROXY").stdout)
	proxy, _, _ = strings.Cut(proxy, ",")
	proxy, _, _ = strings.Cut(proxy, "|")
	switch {
	case proxy == "off":
		return "GOPROXY=off"
	case !strings.HasPrefix(proxy, "https://") && !strings.HasPrefix(proxy, "http://"):
		return ""
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(proxy, "/")+"/golang.org/toolchain/@v/list", nil)
	if err != nil {
		return err.Error()
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err.Error()
	}
	resp.Body.Close()
	return ""
}
