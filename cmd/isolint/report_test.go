package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/isolint/isolint/analyzers"
)

// sarifSchema compiles the SARIF 2.1.0 schema in testdata once.
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// validateSARIF fails the test unless data is a SARIF 2.1.0 document.
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	if err := checkSARIF(data); err != nil {
		t.Errorf("the SARIF output is not valid: %v\n%s", err, data)
	}
}

func checkSARIF(data []byte) error {
	sch, err := sarifSchema()
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

// TestSARIFSchema validates the SARIF golden file of the demo against the
// schema, and checks that the schema rejects what it must.
func TestSARIFSchema(t *testing.T) {
	t.Parallel()
	golden, err := os.ReadFile(filepath.Join("testdata", "demo.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, golden)
	for _, bad := range []struct{ name, from, to string }{
		{"a result without a message", `"message": {`, `"msg": {`},
		{"a column that is not a number", `"startColumn": 2`, `"startColumn": "2"`},
		{"another version", `"version": "2.1.0"`, `"version": "2.2.0"`},
	} {
		doc := strings.Replace(string(golden), bad.from, bad.to, 1)
		if doc == string(golden) {
			t.Fatalf("%s: the golden file has no %s", bad.name, bad.from)
		}
		if checkSARIF([]byte(doc)) == nil {
			t.Errorf("%s: the schema accepts it", bad.name)
		}
	}
}

// helperSrc is the file that the synthetic findings of TestRenderSARIF are
// in: a test that reaches a hazard through a helper, with a non-ASCII
// string before the finding on its line.
const helperSrc = `package p

import "testing"

func setup() { x = 1 }

var x int

func TestX(t *testing.T) {
	_ = "é𝄞"; setup()
}
`

// TestRenderSARIF renders go vet output with a related location, a fix
// that edits two files and an analyzer error, and checks the SARIF and
// Code Climate outputs and the exit code.
func TestRenderSARIF(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "p", "p_test.go")
	other := filepath.Join(root, "p", "other.go")
	outside := filepath.Join(t.TempDir(), "q.go")
	for _, name := range []string{file, other, outside} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(helperSrc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vet := map[string]map[string]any{
		"example.com/p": {
			"globalstate": []map[string]any{{
				"posn":    file + ":10:16",
				"end":     file + ":10:23",
				"message": "TestX writes x via helper setup (p_test.go:5); save and restore it",
				"related": []map[string]string{
					{"posn": file + ":5:16", "end": file + ":5:21", "message": "setup writes x"},
					{"posn": file + ":7:5", "end": file + ":7:5", "message": "x is declared here"},
				},
				"suggested_fixes": []map[string]any{{
					"message": "Restore x",
					"edits": []map[string]any{
						{"filename": file, "start": 10, "end": 10, "new": "x"},
						{"filename": other, "start": 0, "end": 7, "new": ""},
						{"filename": file, "start": 20, "end": 20, "new": "y"},
						{"filename": outside, "start": 1, "end": 2, "new": "z"},
					},
				}},
			}},
			"parallel": map[string]string{"error": "something went wrong"},
		},
	}
	data, err := json.Marshal(vet)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := readTree(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}

	var stdout, stderr bytes.Buffer
	code := vetRun{format: "sarif", root: root}.render(&stdout, &stderr, analyzers.All(), tr, "")
	if code != 1 {
		t.Errorf("exit code %d with an analyzer error, want 1", code)
	}
	validateSARIF(t, stdout.Bytes())
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	wantInv := sarifInvocation{ExecutionSuccessful: false, ToolExecutionNotifications: []sarifNotification{
		{Level: "error", Message: sarifText{"example.com/p: parallel: something went wrong"}},
	}}
	if !reflect.DeepEqual(run.Invocations, []sarifInvocation{wantInv}) {
		t.Errorf("invocations: %+v, want %+v", run.Invocations, wantInv)
	}
	if len(run.Results) != 1 {
		t.Fatalf("%d results, want 1", len(run.Results))
	}
	res := run.Results[0]
	in := sarifArtifactLocation{URI: "p/p_test.go", URIBaseID: srcRoot}
	one := 1
	// "é𝄞" takes 1 + 2 UTF-16 code units for 2 + 4 bytes: the byte
	// columns 16 and 23 are the UTF-16 columns 13 and 20.
	want := []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: in, Region: &sarifRegion{StartLine: 10, StartColumn: 13, EndLine: 10, EndColumn: 20}}}}
	if !reflect.DeepEqual(res.Locations, want) {
		t.Errorf("locations: %s, want %s", jsonOf(res.Locations), jsonOf(want))
	}
	two := 2
	want = []sarifLocation{
		{ID: &one, PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: in, Region: &sarifRegion{StartLine: 5, StartColumn: 16, EndLine: 5, EndColumn: 21}}, Message: &sarifText{"setup writes x"}},
		// An empty range is the rest of the line.
		{ID: &two, PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: in, Region: &sarifRegion{StartLine: 7, StartColumn: 5}}, Message: &sarifText{"x is declared here"}},
	}
	if !reflect.DeepEqual(res.RelatedLocations, want) {
		t.Errorf("related locations: %s, want %s", jsonOf(res.RelatedLocations), jsonOf(want))
	}
	wantFix := []sarifFix{{Description: sarifText{"Restore x"}, ArtifactChanges: []sarifArtifactChange{
		{ArtifactLocation: in, Replacements: []sarifReplacement{
			{DeletedRegion: sarifByteRegion{10, 0}, InsertedContent: &sarifText{"x"}},
			{DeletedRegion: sarifByteRegion{20, 0}, InsertedContent: &sarifText{"y"}},
		}},
		{ArtifactLocation: sarifArtifactLocation{URI: "p/other.go", URIBaseID: srcRoot}, Replacements: []sarifReplacement{
			{DeletedRegion: sarifByteRegion{0, 7}},
		}},
		{ArtifactLocation: sarifArtifactLocation{URI: "file://" + filepath.ToSlash(outside)}, Replacements: []sarifReplacement{
			{DeletedRegion: sarifByteRegion{1, 1}, InsertedContent: &sarifText{"z"}},
		}},
	}}}
	if !reflect.DeepEqual(res.Fixes, wantFix) {
		t.Errorf("fixes: %s, want %s", jsonOf(res.Fixes), jsonOf(wantFix))
	}
	if res.RuleID != "globalstate" || res.RuleIndex == nil || log.Runs[0].Tool.Driver.Rules[*res.RuleIndex].ID != "globalstate" {
		t.Errorf("rule %s at index %v, want globalstate", res.RuleID, res.RuleIndex)
	}

	stdout.Reset()
	code = vetRun{format: "codeclimate", root: root}.render(&stdout, &stderr, analyzers.All(), tr, "")
	if code != 1 {
		t.Errorf("exit code %d with an analyzer error, want 1", code)
	}
	var issues []codeClimateIssue
	if err := json.Unmarshal(stdout.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	wantIssues := []codeClimateIssue{{
		Type:        "issue",
		CheckName:   "isolint/globalstate",
		Description: "TestX writes x via helper setup (p_test.go:5); save and restore it",
		Categories:  []string{"Bug Risk"},
		Severity:    "minor",
		Fingerprint: res.PartialFingerprints[fingerprintName],
		Location:    codeClimateLocation{Path: "p/p_test.go", Lines: codeClimateLines{Begin: 10}},
	}}
	if !reflect.DeepEqual(issues, wantIssues) {
		t.Errorf("Code Climate issues:\n%s\nwant\n%s", jsonOf(issues), jsonOf(wantIssues))
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// keySrc is the file TestKeys edits: each edit replaces one string.
const keySrc = `package p

import "os"

func TestA(t *T) {
	a()
	os.Setenv("K", "v") // the finding
	b()
}

func (*S) Method() { os.Setenv("K", "v") }
`

// TestKeys checks that a finding keeps its baseline key through edits
// that do not touch it, and gets a new one when its code, its function or
// its message changes.
func TestKeys(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// keyAt returns the key of a finding on the first os.Setenv call after
	// the marker in the source.
	keyAt := func(name, src, marker, message string) key {
		t.Helper()
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		i := strings.Index(src, marker)
		if i < 0 {
			t.Fatalf("%s: no %q", name, marker)
		}
		start := i + strings.Index(src[i:], "os.Setenv")
		end := start + strings.Index(src[start:], ")") + 1
		posn := func(off int) string {
			line := 1 + strings.Count(src[:off], "\n")
			col := off - strings.LastIndex(src[:off], "\n")
			return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
		}
		p := problem{pkg: "example.com/p", analyzer: "globalstate", diag: diagnostic{Posn: posn(start), End: posn(end), Message: message}}
		return newSources().key(p)
	}
	const msg = "TestA changes the environment via helper h (h.go:12)"
	base := keyAt("base.go", keySrc, "TestA", msg)
	if want := (key{Analyzer: "globalstate", Package: "example.com/p", Function: "TestA", Message: "TestA changes the environment via helper h (h.go)", Code: base.Code}); base != want {
		t.Errorf("key %+v, want %+v", base, want)
	}
	for _, same := range []struct{ name, from, to, message string }{
		{"lines added above", "import", "// A comment.\n\nimport", msg},
		{"reformatted", `os.Setenv("K", "v")`, "os.Setenv(\n\t\t\"K\",\n\t\t\"v\", // why\n\t)", msg},
		{"the function edited elsewhere", "b()", "b()\n\tc()", msg},
		{"the helper moved", "", "", "TestA changes the environment via helper h (h.go:20)"},
	} {
		if k := keyAt(same.name+".go", strings.Replace(keySrc, same.from, same.to, 1), "TestA", same.message); k != base {
			t.Errorf("%s: key %+v, want %+v", same.name, k, base)
		}
	}
	for _, other := range []struct{ name, from, to, marker string }{
		{"another value", `"v") // the finding`, `"w")`, "TestA"},
		{"another function", "TestA", "TestB", "TestB"},
		{"a method", "", "", "Method"},
	} {
		if k := keyAt(other.name+".go", strings.Replace(keySrc, other.from, other.to, 1), other.marker, msg); k == base {
			t.Errorf("%s: the key did not change: %+v", other.name, k)
		}
	}
	if k := keyAt("method.go", keySrc, "Method", msg); k.Function != "S.Method" {
		t.Errorf("function of a finding in a method: %q, want S.Method", k.Function)
	}
}

// TestBaseline checks what a baseline accepts, what it reports as stale,
// and what pruning keeps, with keys that occur more than once.
func TestBaseline(t *testing.T) {
	t.Parallel()
	a := key{Analyzer: "globalstate", Package: "p", Function: "TestA", Message: "m", Code: "1"}
	b := key{Analyzer: "parallel", Package: "p", Function: "TestB", Message: "m", Code: "2"}
	c := key{Analyzer: "parallel", Package: "p", Function: "TestC", Message: "m", Code: "3"}

	bl := newBaseline([]key{b, a, a})
	want := &baseline{Version: 1, Findings: []baselineEntry{{key: a, Count: 2}, {key: b}}}
	if !reflect.DeepEqual(bl, want) {
		t.Fatalf("newBaseline: %s, want %s", jsonOf(bl), jsonOf(want))
	}
	name := filepath.Join(t.TempDir(), "baseline.json")
	if err := bl.write(name); err != nil {
		t.Fatal(err)
	}
	read, err := readBaseline(name)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(read, bl) {
		t.Fatalf("read back %s, want %s", jsonOf(read), jsonOf(bl))
	}

	// One a is fixed, b is gone, c is new, and a third a is new.
	fresh, stale := bl.match([]key{c, a})
	if want := []int{0}; !reflect.DeepEqual(fresh, want) {
		t.Errorf("new findings %v, want %v", fresh, want)
	}
	wantStale := []baselineEntry{{key: a, Count: 1}, {key: b, Count: 1}}
	if !reflect.DeepEqual(stale, wantStale) {
		t.Errorf("stale %s, want %s", jsonOf(stale), jsonOf(wantStale))
	}
	pruned := bl.prune(stale)
	if want := (&baseline{Version: 1, Findings: []baselineEntry{{key: a}}}); !reflect.DeepEqual(pruned, want) {
		t.Errorf("pruned %s, want %s", jsonOf(pruned), jsonOf(want))
	}
	if fresh, stale := bl.match([]key{a, a, a, b}); !reflect.DeepEqual(fresh, []int{2}) || stale != nil {
		t.Errorf("a third a: new %v, stale %v; want [2], none", fresh, stale)
	}

	for _, bad := range []string{`{"version": 2, "findings": []}`, `{"version": 1, "findings": [{"line": 3}]}`, `[]`} {
		if err := os.WriteFile(name, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readBaseline(name); err == nil {
			t.Errorf("readBaseline accepts %s", bad)
		}
	}
}

// TestParseArgs checks which arguments isolint keeps and which go to go
// vet.
func TestParseArgs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want vetRun
		err  string
	}{
		{args: []string{"./..."}, want: vetRun{format: "text", rest: []string{"./..."}}},
		{args: []string{"-json", "-tags=x", "./..."}, want: vetRun{format: "json", rest: []string{"-tags=x", "./..."}}},
		{args: []string{"--format", "sarif", "-parallel.skip=X", "./a"}, want: vetRun{format: "sarif", rest: []string{"-parallel.skip=X", "./a"}}},
		{args: []string{"-format=codeclimate", "-baseline", "b.json", "./..."}, want: vetRun{format: "codeclimate", baseline: "b.json", rest: []string{"./..."}}},
		{args: []string{"-baseline=b.json", "-baseline-write", "./..."}, want: vetRun{format: "text", baseline: "b.json", write: true, rest: []string{"./..."}}},
		{args: []string{"-baseline=b.json", "-baseline-prune", "-format=json"}, want: vetRun{format: "json", baseline: "b.json", prune: true}},
		{args: []string{"-fix", "-diff", "./..."}, want: vetRun{format: "text", fix: true, diff: true, rest: []string{"./..."}}},
		{args: []string{"-report", "./..."}, want: vetRun{format: "report", report: true, rest: []string{"./..."}}},
		{args: []string{"-format=report-json", "./..."}, want: vetRun{format: "report-json", report: true, rest: []string{"./..."}}},
		{args: []string{"-report", "-format", "html"}, want: vetRun{format: "html", report: true}},
		{args: []string{"-report", "-json"}, err: "-report prints the report as text; -format=report-json and -format=html print it in other formats, not -format=json"},
		{args: []string{"-format=html", "-fix"}, err: "-report describes the tests as they are; it does not combine with -fix, -diff or -baseline"},
		{args: []string{"-format=xml"}, err: "-format=xml: want one of text, json, sarif, codeclimate, report-json, html"},
		{args: []string{"./...", "-format"}, err: "flag -format needs a value"},
		{args: []string{"-baseline-write"}, err: "-baseline-write and -baseline-prune need -baseline=FILE"},
		{args: []string{"-baseline=b", "-baseline-write", "-baseline-prune"}, err: "-baseline-write records every finding; it does not combine with -baseline-prune"},
		{args: []string{"-baseline=b", "-fix"}, err: "-fix applies every fix; it does not combine with -baseline"},
		{args: []string{"-fix", "-verify", "-verify.args=-race -count=2", "-verify.runs", "2", "-verify.timeout=90s", "./..."}, want: vetRun{format: "text", fix: true, verify: verifyOptions{on: true, args: []string{"-race", "-count=2"}, runs: 2, timeout: 90 * time.Second}, rest: []string{"./..."}}},
		{args: []string{"-verify", "./..."}, err: "-verify checks the fixes of -fix with the tests; it needs -fix and does not combine with -diff, -report or -format"},
		{args: []string{"-fix", "-diff", "-verify"}, err: "-verify checks the fixes of -fix with the tests; it needs -fix and does not combine with -diff, -report or -format"},
		{args: []string{"-fix", "-verify", "-verify.runs=0"}, err: "-verify.runs=0: want a number of runs, at least 1"},
		{args: []string{"-fix", "-verify", "-verify.timeout=soon"}, err: "-verify.timeout=soon: want a duration such as 5m"},
	} {
		got, err := parseArgs(c.args)
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("parseArgs(%q): error %v, want %q", c.args, err, c.err)
			}
		case err != nil:
			t.Errorf("parseArgs(%q): %v", c.args, err)
		case !reflect.DeepEqual(got, c.want):
			t.Errorf("parseArgs(%q) = %+v, want %+v", c.args, got, c.want)
		}
	}
}
