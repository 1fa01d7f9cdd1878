package vetjson

import (
	"reflect"
	"strings"
	"testing"
)

// TestRead reads what go vet prints for two packages, one of whose
// analyzers failed.
func TestRead(t *testing.T) {
	t.Parallel()
	const out = `{}
{
	"example.com/a": {
		"parallel": [
			{
				"posn": "/m/a/a_test.go:3:6",
				"end": "/m/a/a_test.go:3:10",
				"message": "TestA can run in parallel",
				"suggested_fixes": [{"message": "Call t.Parallel()", "edits": [{"filename": "/m/a/a_test.go", "start": 40, "end": 40, "new": "\n\tt.Parallel()"}]}],
				"related": [{"posn": "/m/a/h.go:1:1", "end": "/m/a/h.go:1:1", "message": "h"}]
			}
		]
	}
}
{"example.com/b": {"globalstate": {"error": "boom"}}}
`
	tree, err := Read(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	diags, failure := tree.Result("example.com/a", "parallel")
	want := []Diagnostic{{
		Posn:           "/m/a/a_test.go:3:6",
		End:            "/m/a/a_test.go:3:10",
		Message:        "TestA can run in parallel",
		SuggestedFixes: []SuggestedFix{{Message: "Call t.Parallel()", Edits: []Edit{{Filename: "/m/a/a_test.go", Start: 40, End: 40, New: "\n\tt.Parallel()"}}}},
		Related:        []RelatedInfo{{Posn: "/m/a/h.go:1:1", End: "/m/a/h.go:1:1", Message: "h"}},
	}}
	if failure != "" || !reflect.DeepEqual(diags, want) {
		t.Errorf("Result(a, parallel) = %+v, %q; want %+v", diags, failure, want)
	}
	if diags, failure := tree.Result("example.com/b", "globalstate"); diags != nil || failure != "boom" {
		t.Errorf("Result(b, globalstate) = %+v, %q; want the error boom", diags, failure)
	}
	if diags, failure := tree.Result("example.com/b", "parallel"); diags != nil || failure != "" {
		t.Errorf("Result(b, parallel) = %+v, %q; want nothing", diags, failure)
	}
	if _, err := Read(strings.NewReader("{} {")); err == nil {
		t.Error("Read of truncated output: no error")
	}
}

func TestSplitPosn(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		posn      string
		file      string
		line, col int
	}{
		{"/m/a.go:3:6", "/m/a.go", 3, 6},
		{`C:\m\a.go:3:6`, `C:\m\a.go`, 3, 6},
		{"/m/a.go:3", "/m/a.go", 3, 0},
		{"/m/a.go", "/m/a.go", 0, 0},
		{"-", "-", 0, 0},
		{"/m/x:1:2/a.go:7:8", "/m/x:1:2/a.go", 7, 8},
	} {
		file, line, col := SplitPosn(c.posn)
		if file != c.file || line != c.line || col != c.col {
			t.Errorf("SplitPosn(%q) = %q, %d, %d; want %q, %d, %d", c.posn, file, line, col, c.file, c.line, c.col)
		}
	}
}
