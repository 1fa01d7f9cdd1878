package ignore

import (
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text      string
		analyzers []string
		reason    string
	}{
		{" parallel reads a shared golden file", []string{"parallel"}, "reads a shared golden file"},
		{" parallel,sleep slow on purpose", []string{"parallel", "sleep"}, "slow on purpose"},
		{" parallel, sleep", []string{"parallel"}, "sleep"},
		{" parallel", []string{"parallel"}, ""},
		{"", nil, ""},
		{"   ", nil, ""},
		{" parallel // want `x`", []string{"parallel"}, ""},
		{" globalstate\tuses\tTZ", []string{"globalstate"}, "uses TZ"},
		{" ,parallel, why", []string{"parallel"}, "why"},
	} {
		d := parse(tc.text)
		if !slices.Equal(d.Analyzers, tc.analyzers) || d.Reason != tc.reason {
			t.Errorf("parse(%q) = %q, %q; want %q, %q", tc.text, d.Analyzers, d.Reason, tc.analyzers, tc.reason)
		}
	}
}

// FuzzParse checks that any comment text parses without a panic into
// names without blanks or commas and a reason without a comment in it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{" parallel why", " a,b,c why not", "", " //", " p // q", "\t,\t,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := parse(text)
		for _, n := range d.Analyzers {
			if n == "" || strings.ContainsAny(n, ", \t\n") {
				t.Errorf("parse(%q): bad name %q", text, n)
			}
		}
		if strings.Contains(d.Reason, "//") {
			t.Errorf("parse(%q): reason %q holds a comment", text, d.Reason)
		}
	})
}

// TestOverlap checks which pairs of edits the Reporter holds apart: those
// that go vet -fix could not apply together.
func TestOverlap(t *testing.T) {
	t.Parallel()
	edit := func(pos, end int, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: token.Pos(pos), End: token.Pos(end), NewText: []byte(text)}
	}
	for _, tc := range []struct {
		name string
		a, b analysis.TextEdit
		want bool
	}{
		{"same edit", edit(10, 20, "x"), edit(10, 20, "x"), false},
		{"same span, other text", edit(10, 20, "x"), edit(10, 20, "y"), true},
		{"partly", edit(10, 20, "x"), edit(15, 25, "x"), true},
		{"inside", edit(10, 20, "x"), edit(12, 14, "y"), true},
		{"adjacent", edit(10, 20, "x"), edit(20, 25, "y"), false},
		{"apart", edit(10, 20, "x"), edit(30, 35, "y"), false},
		{"two insertions at one place", edit(10, 10, "x"), edit(10, 10, "y"), false},
		{"insertion at the start", edit(10, 10, "x"), edit(10, 20, "y"), false},
		{"insertion at the end", edit(20, 20, "x"), edit(10, 20, "y"), false},
		{"insertion inside", edit(15, 15, "x"), edit(10, 20, "y"), true},
	} {
		if got := overlap(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: overlap(%v, %v) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
		if got := overlap(tc.b, tc.a); got != tc.want {
			t.Errorf("%s, swapped: overlap = %v, want %v", tc.name, got, tc.want)
		}
	}
}
