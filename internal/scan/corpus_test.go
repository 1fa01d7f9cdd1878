package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isolint/isolint/internal/gotest"
)

func TestLedgerRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "ledger.tsv")
	in := []*entry{
		{finding: finding{module: "m@v1", file: "b_test.go", line: 3, col: 2, analyzer: "sleep", message: "TestB sleeps (b.go:10)"}, verdict: "tp", reason: "a real sleep"},
		{finding: finding{module: "m@v1", file: "a_test.go", line: 9, col: 1, analyzer: "parallel", message: "TestA lacks t.Parallel"}, verdict: "?"},
	}
	if err := writeLedger(path, in); err != nil {
		t.Fatal(err)
	}
	out, err := readLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].file != "a_test.go" || out[1].verdict != "tp" || out[1].reason != "a real sleep" || out[1].line != 3 || out[1].col != 2 {
		t.Fatalf("read back %+v, %+v", out[0], out[1])
	}
	if out[1].key != "TestB sleeps (b.go)" {
		t.Errorf("key = %q, want the message without line numbers", out[1].key)
	}
}

func TestReadLedgerErrors(t *testing.T) {
	t.Parallel()
	for _, line := range []string{
		"m@v\ta.go:1:2\tsleep\tmaybe\treason\tmsg",  // unknown verdict
		"m@v\ta.go:1\tsleep\ttp\treason\tmsg",       // no column
		"m@v\ta.go:1:2\tsleep\ttp\treason",          // five fields
		"m@v\ta.go:x:2\tsleep\ttp\treason\tmessage", // line not a number
	} {
		if _, err := parseEntry(line); err == nil {
			t.Errorf("parseEntry(%q): no error", line)
		}
	}
	if out, err := readLedger(filepath.Join(t.TempDir(), "none.tsv")); err != nil || out != nil {
		t.Errorf("a missing ledger: %v, %v; want empty", out, err)
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	line := func(s string) *entry {
		e, err := parseEntry(s)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	entries := []*entry{
		line("m@v\ta_test.go:10:2\tsleep\ttp\tsleeps\tTestA sleeps via helper h (h.go:5)"),
		line("m@v\ta_test.go:20:2\tglobalstate\tfp\treset by hand\tTestB writes x"),
		line("m@v\tb_test.go:7:1\tregistry\ttp\tfixed path\tTestC uses /tmp/x"),
		line("m@v\tc_test.go:7:1\tparallel\t?\t\tTestD lacks t.Parallel"),
		line("m@v\td_test.go:7:1\tuniquekeys\tfp\tnot a key\tTestE uses alice"),
	}
	findings := []finding{
		// Moved down three lines, and the helper moved too.
		{module: "m@v", file: "a_test.go", line: 13, col: 2, analyzer: "sleep", message: "TestA sleeps via helper h (h.go:8)"},
		// Same place, same message.
		{module: "m@v", file: "a_test.go", line: 20, col: 2, analyzer: "globalstate", message: "TestB writes x"},
		// Same place, reworded.
		{module: "m@v", file: "b_test.go", line: 7, col: 1, analyzer: "registry", message: "TestC creates /tmp/x"},
		// Not in the ledger.
		{module: "m@v", file: "e_test.go", line: 1, col: 1, analyzer: "parallel", message: "TestF lacks t.Parallel"},
	}
	cmpr := compare(findings, entries)
	if len(cmpr.matched) != 3 {
		t.Errorf("matched %d lines, want 3", len(cmpr.matched))
	}
	if f, ok := cmpr.matched[entries[0]]; !ok || f.line != 13 {
		t.Errorf("the moved sleep did not match its line: %+v", f)
	}
	if _, ok := cmpr.matched[entries[2]]; !ok {
		t.Error("the reworded registry finding did not match by position")
	}
	if len(cmpr.added) != 1 || cmpr.added[0].file != "e_test.go" {
		t.Errorf("added = %+v, want the e_test.go finding", cmpr.added)
	}
	if len(cmpr.gone) != 2 {
		t.Errorf("gone = %d lines, want 2", len(cmpr.gone))
	}
	// An update keeps judged lines that are gone and drops unjudged ones.
	var kept []string
	for _, e := range cmpr.update() {
		kept = append(kept, e.pos()+" "+e.verdict)
	}
	slices.Sort(kept)
	want := []string{"a_test.go:13:2 tp", "a_test.go:20:2 fp", "b_test.go:7:1 tp", "d_test.go:7:1 fp", "e_test.go:1:1 ?"}
	if !slices.Equal(kept, want) {
		t.Errorf("after update: %q, want %q", kept, want)
	}
}

func TestCompareNearestLine(t *testing.T) {
	t.Parallel()
	e1, _ := parseEntry("m@v\ta_test.go:10:2\tparallel\ttp\tr\tTestA lacks t.Parallel")
	e2, _ := parseEntry("m@v\ta_test.go:50:2\tparallel\tfp\tr\tTestA lacks t.Parallel")
	cmpr := compare([]finding{{module: "m@v", file: "a_test.go", line: 48, col: 2, analyzer: "parallel", message: "TestA lacks t.Parallel"}}, []*entry{e1, e2})
	if _, ok := cmpr.matched[e2]; !ok {
		t.Error("a finding that moved matched a line farther away than the nearest")
	}
}

func TestReadCorpus(t *testing.T) {
	t.Parallel()
	mods, err := readCorpus("corpus/modules.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) < 12 {
		t.Errorf("the corpus has %d modules, want at least 12", len(mods))
	}
	bad := filepath.Join(t.TempDir(), "modules.txt")
	os.WriteFile(bad, []byte("example.com/m\n"), 0o644)
	if _, err := readCorpus(bad); err == nil {
		t.Error("a line without a version: no error")
	}
	os.WriteFile(bad, []byte("example.com/m@v1.0.0 huge\n"), 0o644)
	if _, err := readCorpus(bad); err == nil {
		t.Error("a line with a word other than large: no error")
	}
	marked := filepath.Join(t.TempDir(), "modules.txt")
	os.WriteFile(marked, []byte("# c\nexample.com/a@v1.0.0\nexample.com/b@v1.0.0 large\n"), 0o644)
	ms, err := readCorpus(marked)
	if err != nil {
		t.Fatal(err)
	}
	if got := sampleable(ms); len(ms) != 2 || len(got) != 1 || got[0].name != "example.com/a@v1.0.0" || !ms[1].large {
		t.Errorf("readCorpus = %+v, sampleable = %+v", ms, got)
	}
	if _, err := readLedger("corpus/ledger.tsv"); err != nil {
		t.Errorf("the ledger in the repository: %v", err)
	}
}

func TestCorpusFindings(t *testing.T) {
	t.Parallel()
	out := `{"example.com/m/p":{"sleep":[{"posn":"/tmp/x/a/p/p_test.go:12:3","message":"TestA sleeps (p.go:4)"}]}}`
	fs, err := corpusFindings("m@v", "/tmp/x/a", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].pos() != "p/p_test.go:12:3" || fs[0].analyzer != "sleep" {
		t.Errorf("findings = %+v", fs)
	}
}

func TestPackageDirs(t *testing.T) {
	t.Parallel()
	got := packageDirs([]string{"a_test.go", "x/y/b_test.go", "x/y/c_test.go"})
	if want := []string{".", "./x/y"}; !slices.Equal(got, want) {
		t.Errorf("packageDirs = %q, want %q", got, want)
	}
}

func TestWithSeed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		flags, want []string
		ok          bool
	}{
		{[]string{"-count=2", "-race", "-shuffle=on"}, []string{"-count=2", "-race", "-shuffle=42"}, true},
		{[]string{"-shuffle", "on", "-count=1"}, []string{"-shuffle=42", "-count=1"}, true},
		{[]string{"--test.shuffle=7"}, []string{"-shuffle=42"}, true},
		{[]string{"-count=2", "-race"}, []string{"-count=2", "-race"}, false},
	} {
		got, ok := withSeed(c.flags, "42")
		if !slices.Equal(got, c.want) || ok != c.ok {
			t.Errorf("withSeed(%q) = %q, %v; want %q, %v", c.flags, got, ok, c.want, c.ok)
		}
	}
}

// TestFailingBefore checks that a test of a suite that depends on its
// order, failing after -fix, is run again before it in the order of
// -shuffle that made it fail, and not counted as newly failing.
func TestFailingBefore(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs go test")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module order\n\ngo 1.22\n",
		"order_test.go": `package order

import "testing"

var touched bool

func TestSet(t *testing.T) { touched = true }

func TestCheck(t *testing.T) {
	if touched {
		t.Fatal("TestSet ran first")
	}
}
`,
		"exit/exit_test.go": `package exit

import (
	"os"
	"testing"
)

func TestA(t *testing.T) {}

func TestEnd(t *testing.T) { os.Exit(3) }
`,
	}
	writeFiles(t, dir, files)
	c := &config{stop: t.Context(), timeout: time.Minute}
	o := corpusOptions{testFlags: []string{"-count=1", "-shuffle=on"}, testTimeout: 2 * time.Minute}
	// Each order fails with probability 1/2: find one that does.
	var seeds map[string]string
	for range 30 {
		r := c.runWith(dir, offline, o.testTimeout, "go", "test", "-json", "-count=1", "-shuffle=on", ".")
		if ev := gotest.Read(strings.NewReader(r.stdout)); ev.Failed["order TestCheck"] {
			seeds = ev.Seeds
			break
		}
	}
	if seeds["order"] == "" {
		t.Fatal("no order of 30 made TestCheck fail, or no seed was read")
	}
	// order/exit stopped early after the fix in TestEnd, which ends its
	// binary whatever the order; order/other stopped in another test.
	seeds["order/exit"], seeds["order/other"] = "1", "1"
	now := gotest.Events{Seeds: seeds, Ended: map[string]string{"order/exit": "TestEnd", "order/other": "TestEnd"}}
	failed := []string{"order TestCheck", "order TestSet", "order/exit (stopped early)", "order/other (stopped early)", "other TestX"}
	newly, inOrder := failingBefore(c, dir, o, gotest.Events{}, now, failed)
	if want := []string{"order TestSet", "order/other (stopped early)", "other TestX"}; !slices.Equal(newly, want) {
		t.Errorf("newly failing = %q, want %q (TestSet passes before -fix; other has no seed; order/other has no test TestEnd)", newly, want)
	}
	if want := []string{"order TestCheck", "order/exit (stopped early)"}; !slices.Equal(inOrder, want) {
		t.Errorf("failing before -fix in the same order = %q, want %q", inOrder, want)
	}
}

// TestFailingAlone runs go test on a module whose TestOnce registers a
// fixed name and fails any second run of itself.
func TestFailingAlone(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs go test")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module once\n\ngo 1.22\n",
		"once_test.go": `package once

import "testing"

var names = map[string]bool{}

func TestOnce(t *testing.T) {
	if names["a"] {
		t.Fatal("a is registered")
	}
	names["a"] = true
}

func TestFine(t *testing.T) {
	t.Run("sub test", func(t *testing.T) {})
}
`,
	}
	writeFiles(t, dir, files)
	c := &config{stop: t.Context(), timeout: time.Minute}
	o := corpusOptions{testFlags: []string{"-count=2"}, testTimeout: 2 * time.Minute}
	newly, alone := failingAlone(c, dir, o, []string{"once TestFine/sub_test", "once TestOnce", "once (stopped early)"})
	if want := []string{"once TestFine/sub_test", "once (stopped early)"}; !slices.Equal(newly, want) {
		t.Errorf("newly failing = %q, want %q", newly, want)
	}
	if want := []string{"once TestOnce"}; !slices.Equal(alone, want) {
		t.Errorf("failing alone before -fix = %q, want %q", alone, want)
	}
}

func TestRunPattern(t *testing.T) {
	t.Parallel()
	for test, want := range map[string]string{
		"TestA":            "^TestA$",
		"TestA/with_space": "^TestA$/^with_space$",
		"TestA/a.b(c)":     `^TestA$/^a\.b\(c\)$`,
	} {
		if got := runPattern(test); got != want {
			t.Errorf("runPattern(%q) = %q, want %q", test, got, want)
		}
	}
}

func TestStoppedEarly(t *testing.T) {
	t.Parallel()
	old := gotest.Read(strings.NewReader(strings.Join([]string{
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"pass","Package":"p","Test":"TestC"}`,
		`{"Action":"pass","Package":"p"}`,
		`{"Action":"pass","Package":"q","Test":"TestD"}`,
		`{"Action":"pass","Package":"q"}`,
	}, "\n")))
	now := gotest.Read(strings.NewReader(strings.Join([]string{
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Output":"panic: Log in goroutine after TestA has completed\n"}`,
		`{"Action":"fail","Package":"p"}`,
		`{"Action":"fail","Package":"q","Test":"TestD"}`,
		`{"Action":"fail","Package":"q"}`,
	}, "\n")))
	if got, want := stoppedEarly(old, now), map[string]int{"p": 2}; !maps.Equal(got, want) {
		t.Errorf("stoppedEarly = %v, want %v (q's test failed: it ran)", got, want)
	}
	// A subtest named after a pointer: another name each run, as many
	// tests.
	renamed := gotest.Read(strings.NewReader(strings.Join([]string{
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"pass","Package":"p","Test":"TestC/0xc000123"}`,
		`{"Action":"pass","Package":"p"}`,
		`{"Action":"pass","Package":"q","Test":"TestD"}`,
	}, "\n")))
	if got := stoppedEarly(old, renamed); len(got) != 0 {
		t.Errorf("stoppedEarly = %v for a run with as many tests, want none", got)
	}
	// A test skipped this time, in a package that passed.
	skipped := gotest.Read(strings.NewReader(strings.Join([]string{
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"skip","Package":"p","Test":"TestB"}`,
		`{"Action":"pass","Package":"p","Test":"TestC"}`,
		`{"Action":"pass","Package":"p"}`,
		`{"Action":"pass","Package":"q","Test":"TestD"}`,
	}, "\n")))
	if got := stoppedEarly(old, skipped); len(got) != 0 {
		t.Errorf("stoppedEarly = %v for a package that passed, want none", got)
	}
	if got := now.PackageOutput["p"]; !slices.Equal(got, []string{"panic: Log in goroutine after TestA has completed"}) {
		t.Errorf("PackageOutput[p] = %q", got)
	}
}

func TestFailureLines(t *testing.T) {
	t.Parallel()
	out := []string{"=== RUN   TestETags", "", "--- FAIL: TestETags (0.00s)", "panic: module already registered: foo", "goroutine 55 [running]:", "more"}
	got := failureLines(out, 2)
	if want := []string{"--- FAIL: TestETags (0.00s)", "panic: module already registered: foo"}; !slices.Equal(got, want) {
		t.Errorf("failureLines = %q, want %q", got, want)
	}
}

// writeFiles writes the files, by path relative to dir, and their
// directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
