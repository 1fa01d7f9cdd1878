package ignore

import (
	"slices"
	"strings"
	"testing"
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
