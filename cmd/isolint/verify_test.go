package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/isolint/isolint/internal/vetjson"
)

// TestCulprits bisects fixes numbered 0 to 7 against made-up tests: each
// case says which sets of fixes fail.
func TestCulprits(t *testing.T) {
	t.Parallel()
	items := []int{0, 1, 2, 3, 4, 5, 6, 7}
	for _, c := range []struct {
		name  string
		fails func(set []int) bool
		want  []int // the culprits, in the order found
		runs  int   // runs of the tests, at most
	}{
		{"none", func([]int) bool { return false }, nil, 0},
		{"one", func(s []int) bool { return slices.Contains(s, 5) }, []int{5}, 4},
		{"first", func(s []int) bool { return slices.Contains(s, 0) }, []int{0}, 4},
		{"last", func(s []int) bool { return slices.Contains(s, 7) }, []int{7}, 4},
		{"two apart", func(s []int) bool { return slices.Contains(s, 1) || slices.Contains(s, 6) }, []int{1, 6}, 8},
		// Two tests that race only when both are parallel: withholding
		// the later fix is enough.
		{"a pair", func(s []int) bool { return slices.Contains(s, 2) && slices.Contains(s, 4) }, []int{4}, 4},
	} {
		runs := 0
		fails := func(set []int) (verdict, error) {
			runs++
			if c.fails(set) {
				return verdict{bad: []string{"p TestB", "p TestA"}}, nil
			}
			return verdict{}, nil
		}
		all, _ := fails(items)
		runs = 0
		found, why, rest, err := culprits(items, all, fails)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(found, c.want) {
			t.Errorf("%s: culprits %v, want %v", c.name, found, c.want)
		}
		if len(why) != len(found) {
			t.Errorf("%s: %d verdicts for %d culprits", c.name, len(why), len(found))
		}
		for _, v := range why {
			if !slices.Equal(v.bad, []string{"p TestA", "p TestB"}) {
				t.Errorf("%s: the verdict names %q, want the failing tests sorted", c.name, v.bad)
			}
		}
		if len(rest)+len(found) != len(items) || slices.ContainsFunc(rest, func(i int) bool { return slices.Contains(found, i) }) {
			t.Errorf("%s: kept %v with culprits %v", c.name, rest, found)
		}
		if c.fails(rest) {
			t.Errorf("%s: the fixes kept, %v, still fail", c.name, rest)
		}
		if runs > c.runs {
			t.Errorf("%s: %d runs of the tests, want at most %d", c.name, runs, c.runs)
		}
	}
}

// TestApplyEdits applies the edits of several fixes to one file: in any
// order, an edit that two fixes share once, and the result formatted.
func TestApplyEdits(t *testing.T) {
	t.Parallel()
	src := "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {\n\tx := 1\n\t_ = x\n}\n"
	at := func(s string) int { return strings.Index(src, s) }
	parallel := vetjson.Edit{Filename: "p_test.go", Start: at("\n\tx := 1"), End: at("\n\tx := 1"), New: "\n\tt.Parallel()"}
	rename := vetjson.Edit{Filename: "p_test.go", Start: at("x := 1"), End: at("x := 1") + 1, New: "y"}
	use := vetjson.Edit{Filename: "p_test.go", Start: at("_ = x"), End: at("_ = x") + len("_ = x"), New: "_   =   y"}
	got, err := applyEdits([]byte(src), []vetjson.Edit{use, rename, parallel, rename})
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {\n\tt.Parallel()\n\ty := 1\n\t_ = y\n}\n"
	if string(got) != want {
		t.Errorf("applyEdits =\n%s\nwant\n%s", got, want)
	}
	if _, err := applyEdits([]byte(src), []vetjson.Edit{{Start: 3, End: 9, New: "a"}, {Start: 5, End: 6, New: "b"}}); err == nil {
		t.Errorf("applyEdits accepted overlapping edits")
	}
	if _, err := applyEdits([]byte(src), []vetjson.Edit{{Start: 3, End: len(src) + 1}}); err == nil {
		t.Errorf("applyEdits accepted an edit past the end of the file")
	}
}

// TestOverlaps checks which fixes wait for the next pass.
func TestOverlaps(t *testing.T) {
	t.Parallel()
	imp := vetjson.Edit{Filename: "a.go", Start: 10, End: 10, New: "import \"os\"\n"}
	for _, c := range []struct {
		edits, taken []vetjson.Edit
		want         bool
	}{
		{[]vetjson.Edit{{Filename: "a.go", Start: 5, End: 8}}, []vetjson.Edit{{Filename: "a.go", Start: 7, End: 9}}, true},
		{[]vetjson.Edit{{Filename: "a.go", Start: 5, End: 8}}, []vetjson.Edit{{Filename: "a.go", Start: 8, End: 9}}, false},
		{[]vetjson.Edit{{Filename: "a.go", Start: 5, End: 8}}, []vetjson.Edit{{Filename: "b.go", Start: 5, End: 8}}, false},
		{[]vetjson.Edit{{Filename: "a.go", Start: 5, End: 5, New: "x"}}, []vetjson.Edit{{Filename: "a.go", Start: 5, End: 5, New: "y"}}, true}, // which insertion first?
		{[]vetjson.Edit{imp, {Filename: "a.go", Start: 20, End: 22}}, []vetjson.Edit{imp}, false},                                              // the same import
	} {
		if got := overlaps(c.edits, c.taken); got != c.want {
			t.Errorf("overlaps(%v, %v) = %v, want %v", c.edits, c.taken, got, c.want)
		}
	}
}
