package main

// The end-to-end test of isolint's golangci-lint plugin: it builds this
// module's golangci-lint (golangci-lint v2 with the plugin compiled in) and
// runs it, as a user would, on copies of ../../examples/demo and of
// testdata/crosspkg, with configurations derived from
// ../../.golangci.example.yml.
//
// The binary is built once per content: it is kept under
// $(os.UserCacheDir)/isolint/golangci/<key>, where key hashes the Go
// version and every go.mod, go.sum and .go file of isolint's module and of
// this one (tests and test data aside); binaries of other keys are removed
// when a new one is built. A cold build takes minutes (golangci-lint and
// its linters); later runs reuse the binary, or relink from the build
// cache after an isolint change. `go test -short` skips the test.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// issue is what the JSON output of golangci-lint says of a finding.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
	SuggestedFixes []struct {
		Message   string
		TextEdits []json.RawMessage
	}
}

// where is the issue's position as file:line.
func (i issue) where() string {
	return filepath.ToSlash(i.Pos.Filename) + ":" + strconv.Itoa(i.Pos.Line)
}

// demoFindings are isolint's findings on examples/demo, as `isolint ./...`
// prints them, with the analyzer's name in front as golangci-lint shows it.
var demoFindings = map[string]string{
	"config/config_test.go:10": "parallel: TestLangFromEnv calls t.Parallel, but t.Setenv panics in a parallel test; remove t.Parallel",
	"greet/greet_test.go:13":   "parallel: TestHello does not call t.Parallel and has no isolation hazard: it can run in parallel",
	"greet/greet_test.go:20":   "parallel: TestHelloLanguages does not call t.Parallel and has no isolation hazard: it can run in parallel",
	"greet/greet_test.go:27":   "parallel: subtest TestHelloLanguages/<tt.lang> does not call t.Parallel and has no isolation hazard: it can run in parallel",
	"greet/greet_test.go:40":   "globalstate: TestFromEnv changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv",
}

func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: slow")
	}
	bin := golangciLint(t)
	example, err := os.ReadFile("../../.golangci.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	// Only isolint runs, so that no other linter's findings interleave.
	base := edit(t, string(example), "linters:\n  enable:", "linters:\n  default: none\n  enable:")

	t.Run("findings", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", base)
		got, _ := run(t, bin, dir, 1)
		wantFindings(t, got, demoFindings)
	})

	t.Run("helper in another package", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "testdata/crosspkg", base)
		got, _ := run(t, bin, dir, 1)
		// The write happens in package envtest, the finding is in package
		// usage's test: the effects fact crossed packages through the
		// plugin.
		wantFindings(t, got, map[string]string{
			"usage/usage_test.go:13": "globalstate: TestFrench changes the environment with os.Setenv via helper UseFrench (envtest.go:14) and does not restore it, so the tests after it see the change; save $APP_LANG and restore it with t.Cleanup",
			"usage/usage_test.go:21": "globalstate: TestShout writes package variable app.Loud via helper Shout (envtest.go:19) and does not restore it, so the tests after it see the change; save app.Loud and restore it with t.Cleanup",
		})
		// One issue per finding: golangci-lint would show each Related
		// position as an issue of its own on the finding's line
		// ("globalstate(related information): Shout makes the change
		// (envtest.go:19)"), and the plugin hands it none; wantFindings
		// reports any other issue.
		if len(got) != 2 {
			t.Errorf("%d issues, want 2, one per finding", len(got))
		}
		// TestFrench calls a helper of another package that calls
		// os.Setenv: parallel knows it and does not suggest t.Parallel
		// (globalstate reports the change, above).
		for _, i := range got {
			if strings.Contains(i.Text, "TestFrench") && strings.HasPrefix(i.Text, "parallel:") {
				t.Errorf("%s: TestFrench reported by parallel: %s", i.where(), i.Text)
			}
		}
	})

	t.Run("nolint:isolint", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", base)
		replaceInFile(t, filepath.Join(dir, "greet/greet_test.go"),
			"func TestHello(t *testing.T) {", "func TestHello(t *testing.T) { //nolint:isolint // the demo's test")
		// golangci-lint knows isolint's analyzers only as "isolint".
		replaceInFile(t, filepath.Join(dir, "greet/greet_test.go"),
			"func TestHelloLanguages(t *testing.T) {", "func TestHelloLanguages(t *testing.T) { //nolint:parallel // does not work")
		got, _ := run(t, bin, dir, 1)
		wantFindings(t, got, without(demoFindings, "greet/greet_test.go:13"))
	})

	t.Run("isolint:ignore", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", base)
		file := filepath.Join(dir, "greet/greet_test.go")
		replaceInFile(t, file, "func TestHello(t *testing.T) {", "//isolint:ignore parallel the demo's test\nfunc TestHello(t *testing.T) {")
		// The demo's own directive on TestHelloIsFast hides its finding:
		// without it, the test is reported.
		replaceInFile(t, file, "//isolint:ignore parallel measures wall-clock time, which other tests running at once would skew\n", "")
		got, _ := run(t, bin, dir, 1)
		// One line was added above TestHello, one removed above
		// TestHelloIsFast.
		wantFindings(t, got, map[string]string{
			"config/config_test.go:10": demoFindings["config/config_test.go:10"],
			"greet/greet_test.go:21":   demoFindings["greet/greet_test.go:20"],
			"greet/greet_test.go:28":   demoFindings["greet/greet_test.go:27"],
			"greet/greet_test.go:41":   demoFindings["greet/greet_test.go:40"],
			"greet/greet_test.go:56":   "parallel: TestHelloIsFast does not call t.Parallel and has no isolation hazard: it can run in parallel",
		})
	})

	t.Run("misspelt setting", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", edit(t, base, "subtests: true", "subtest: true"))
		got, out := run(t, bin, dir, 1)
		wantFindings(t, got, nil) // nothing analyzed
		if want := `plugin(isolint): newPlugin isolint settings: decoding settings: json: unknown field "subtest"`; !strings.Contains(out, want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	})

	t.Run("disable parallel", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", edit(t, base, "disable: []", "disable: [parallel]"))
		got, _ := run(t, bin, dir, 1)
		wantFindings(t, got, map[string]string{"greet/greet_test.go:40": demoFindings["greet/greet_test.go:40"]})
	})

	t.Run("flags", func(t *testing.T) {
		t.Parallel()
		conf := edit(t, base, `skip: ""`, `skip: "^TestHello$"`)
		conf = edit(t, conf, "subtests: true", "subtests: false")
		dir := copyModule(t, "../../examples/demo", conf)
		got, _ := run(t, bin, dir, 1)
		wantFindings(t, got, without(demoFindings, "greet/greet_test.go:13", "greet/greet_test.go:27"))
	})

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "../../examples/demo", base)
		// Fixed findings do not count: the exit code is 0.
		run(t, bin, dir, 0, "--fix")
		got, _ := run(t, bin, dir, 0)
		wantFindings(t, got, nil)
		fixed, err := os.ReadFile(filepath.Join(dir, "greet/greet_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(fixed), "t.Parallel()"); n != 3 {
			t.Errorf("greet_test.go has %d t.Parallel calls after --fix, want 3:\n%s", n, fixed)
		}
		if !strings.Contains(string(fixed), `t.Setenv("GREET_LANG", "de")`) {
			t.Errorf("greet_test.go does not call t.Setenv after --fix:\n%s", fixed)
		}
		// The fixed module builds and its tests pass (TestLangFromEnv
		// panicked before).
		cmd := exec.Command("go", "test", "./...")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go test in the fixed module: %v\n%s", err, out)
		}
	})
}

// wantFindings checks that the isolint issues are exactly want (file:line →
// text), that golangci-lint attributes them to isolint, and that each
// carries exactly one suggested fix (golangci-lint --fix applies all of a
// finding's fixes). There is one issue per finding: an issue golangci-lint
// makes of a Related position ("globalstate(related information): …") is
// unexpected.
func wantFindings(t *testing.T, got []issue, want map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, i := range got {
		if i.FromLinter != "isolint" {
			t.Errorf("%s: linter %q, want isolint: %s", i.where(), i.FromLinter, i.Text)
			continue
		}
		w, ok := want[i.where()]
		switch {
		case !ok:
			t.Errorf("unexpected finding %s: %s", i.where(), i.Text)
		case i.Text != w:
			t.Errorf("%s: got %q, want %q", i.where(), i.Text, w)
		case seen[i.where()]:
			t.Errorf("%s: reported twice: %s", i.where(), i.Text)
		case len(i.SuggestedFixes) != 1 || len(i.SuggestedFixes[0].TextEdits) == 0:
			t.Errorf("%s: %d suggested fixes, want exactly one with edits: %s", i.where(), len(i.SuggestedFixes), i.Text)
		}
		seen[i.where()] = true
	}
	for where, text := range want {
		if !seen[where] {
			t.Errorf("missing finding %s: %s", where, text)
		}
	}
}

func without(m map[string]string, keys ...string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if !slices.Contains(keys, k) {
			out[k] = v
		}
	}
	return out
}

// run runs golangci-lint in dir, checks its exit code and returns its
// issues (none when it wrote no report) and its combined text output.
func run(t *testing.T, bin, dir string, wantCode int, args ...string) ([]issue, string) {
	t.Helper()
	jsonPath := filepath.Join(t.TempDir(), "issues.json")
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path", jsonPath, "--output.text.path", "stdout"}, args...)
	cmd := exec.Command(bin, append(args, "./...")...)
	cmd.Dir = dir
	// A cache of its own: golangci-lint's result cache does not know the
	// plugin's code, and would replay findings of an older isolint.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOLANGCI_LINT_CACHE="+t.TempDir())
	out, err := cmd.CombinedOutput()
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != wantCode {
		t.Fatalf("golangci-lint %s: exit code %d, want %d\n%s", strings.Join(args, " "), code, wantCode, out)
	}
	data, err := os.ReadFile(jsonPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	var report struct{ Issues []issue }
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("decoding %s: %v\n%s", jsonPath, err, data)
	}
	return report.Issues, string(out)
}

// edit replaces old, which must occur in s, by new.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found in:\n%s", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

func replaceInFile(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(edit(t, string(data), old, new)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyModule copies the module in src to a temporary directory, with
// config as its .golangci.yml.
func copyModule(t *testing.T, src, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// golangciLint returns the path of this module's golangci-lint, building
// it unless a binary built from the same sources is in the cache.
func golangciLint(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() { builtBin, buildErr = build() })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func build() (string, error) {
	key, err := sourceKey("../..")
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	bin := filepath.Join(cache, "isolint", "golangci", key, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	tmp := bin + ".tmp" + strconv.Itoa(os.Getpid())
	cmd := exec.Command("go", "build", "-o", tmp, ".")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", errors.New("building golangci-lint with isolint: " + err.Error() + "\n" + string(out))
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", err
	}
	// Binaries of older sources are of no further use: each is about
	// 70 MB.
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(bin)), "*"))
	for _, dir := range old {
		if dir != filepath.Dir(bin) {
			os.RemoveAll(dir)
		}
	}
	return bin, nil
}

// sourceKey hashes the Go version and the Go sources and module files
// under root (isolint's module, which contains this one), tests and test
// data aside: what the binary is built from.
func sourceKey(root string) (string, error) {
	h := sha256.New()
	h.Write([]byte(runtime.Version()))
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "examples") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		h.Write([]byte(filepath.ToSlash(path) + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// TestCustomGclConfig checks that ../../.custom-gcl.yml, which teams use
// with `golangci-lint custom`, builds the golangci-lint version and plugin
// that this test builds with plain `go build`.
func TestCustomGclConfig(t *testing.T) {
	t.Parallel()
	custom, err := os.ReadFile("../../.custom-gcl.yml")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(mod), "github.com/golangci/golangci-lint/v2 ")
	if !ok {
		t.Fatal("go.mod does not require github.com/golangci/golangci-lint/v2")
	}
	version, _, _ := strings.Cut(after, "\n")
	for _, want := range []string{
		"\nversion: " + strings.TrimSpace(version) + "\n",
		"\n  - module: github.com/isolint/isolint\n",
		"\n    import: github.com/isolint/isolint/gclplugin\n",
	} {
		if !strings.Contains(string(custom), want) {
			t.Errorf(".custom-gcl.yml lacks %q:\n%s", strings.TrimSpace(want), custom)
		}
	}
}
