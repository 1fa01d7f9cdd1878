package fixes_test

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/fixes"
)

// source parses text as a file and returns its Source.
func source(t *testing.T, text string) (*fixes.Source, *ast.File, *token.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", text, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, ReadFile: func(name string) ([]byte, error) {
		if name != "x.go" {
			return nil, os.ErrNotExist
		}
		return []byte(text), nil
	}}
	src, ok := fixes.Read(pass, f)
	if !ok {
		t.Fatal("Read failed")
	}
	return src, f, fset.File(f.FileStart)
}

// at returns the position of the first occurrence of s in the file.
func at(t *testing.T, tok *token.File, text, s string) token.Pos {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return tok.Pos(i)
}

// applied returns text with the fix's edits applied.
func applied(tok *token.File, text string, fix analysis.SuggestedFix) string {
	out := text
	for i := len(fix.TextEdits) - 1; i >= 0; i-- {
		e := fix.TextEdits[i]
		start, end := tok.Offset(e.Pos), tok.Offset(e.End)
		out = out[:start] + string(e.NewText) + out[end:]
	}
	return out
}

func TestFix(t *testing.T) {
	t.Parallel()
	const file = `// Package p is a test.
package p

import (
	"os"
	"testing"
)

var (
	short = 1    // aligned
	longerName = 2 // with the next
)

var a = 1   // aligned across
var bbbbb = 2 // declarations

// TestA is documented.
func TestA(t *testing.T) {
	os.Setenv("A", "1")
}

func TestB(t *testing.T) {
	_ = a
}
`
	// The file is not gofmt-clean (the var block); its functions are.
	for _, tc := range []struct {
		name  string
		edits func(t *testing.T, tok *token.File) []analysis.TextEdit
		want  string // the edited span of the result, or "" if no fix
	}{
		{
			name: "clean edit in a function",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, `os.Setenv("A", "1")`)
				return []analysis.TextEdit{{Pos: p, End: p + token.Pos(len(`os.Setenv("A", "1")`)), NewText: []byte(`t.Setenv("A", "1")`)}}
			},
			want: "func TestA(t *testing.T) {\n\tt.Setenv(\"A\", \"1\")\n}",
		},
		{
			name: "unformatted edit is formatted",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, "_ = a")
				return []analysis.TextEdit{{Pos: p, End: p + 5, NewText: []byte("_   =   a")}}
			},
			want: "func TestB(t *testing.T) {\n\t_ = a\n}",
		},
		{
			name: "import is sorted as gofmt sorts it",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, `"testing"`)
				return []analysis.TextEdit{{Pos: p, End: p, NewText: []byte("\"math/rand\"\n\t")}}
			},
			want: "import (\n\t\"math/rand\"\n\t\"os\"\n\t\"testing\"\n)",
		},
		{
			name: "edits in two declarations",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, `os.Setenv("A", "1")`)
				q := at(t, tok, file, "_ = a")
				return []analysis.TextEdit{
					{Pos: q, End: q + 5, NewText: []byte("_ = a+a")},
					{Pos: p, End: p, NewText: []byte("t.Parallel()\n\t")},
				}
			},
			want: "\tt.Parallel()\n\tos.Setenv(\"A\", \"1\")\n}\n\nfunc TestB(t *testing.T) {\n\t_ = a + a\n}",
		},
		{
			name: "edit that does not parse",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, "_ = a")
				return []analysis.TextEdit{{Pos: p, End: p + 5, NewText: []byte("_ = (a")}}
			},
		},
		{
			// The two var declarations align their comments together:
			// on its own, either would lose the alignment, so the edit
			// is checked against the file, which is not gofmt-clean.
			name: "declarations aligned with each other",
			edits: func(t *testing.T, tok *token.File) []analysis.TextEdit {
				p := at(t, tok, file, "var a = 1")
				return []analysis.TextEdit{{Pos: p + 8, End: p + 9, NewText: []byte("3")}}
			},
			want: "var a = 3   // aligned across\nvar bbbbb = 2 // declarations",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src, _, tok := source(t, file)
			fix, ok := src.Fix("fix", tc.edits(t, tok)...)
			if tc.want == "" {
				if ok {
					t.Fatalf("got a fix %q, want none", applied(tok, file, fix))
				}
				return
			}
			if !ok {
				t.Fatal("got no fix")
			}
			if got := applied(tok, file, fix); !strings.Contains(got, tc.want) {
				t.Errorf("fixed file:\n%s\nwant it to contain:\n%s", got, tc.want)
			}
		})
	}
}

// TestFixAlignedDecls checks edits to declarations that gofmt aligns with
// their neighbors. An edit that keeps the alignment is checked against the
// file and left as it is; one after which gofmt would re-align a neighbor
// edits only its own declaration, formatted on its own, so that the fixes
// of neighbors never overlap. The formatting that drivers do after
// applying fixes then gives what gofmt gives.
func TestFixAlignedDecls(t *testing.T) {
	t.Parallel()
	const vars = "package p\n\nvar a = 1     // one\nvar bbbbb = 2 // two\n"
	const funcs = "package p\n\nimport \"testing\"\n\n" +
		"func TestA(t *testing.T)    { check(t, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") }\n" +
		"func TestBBBB(t *testing.T) { check(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\") }\n" +
		"func TestCC(t *testing.T)   { check(t, \"cc\") }\n\n" +
		"func check(*testing.T, string) {}\n"
	// insert puts text after the first occurrence of after.
	insert := func(file, after, text string) func(*token.File) analysis.TextEdit {
		return func(tok *token.File) analysis.TextEdit {
			p := at(t, tok, file, after) + token.Pos(len(after))
			return analysis.TextEdit{Pos: p, End: p, NewText: []byte(text)}
		}
	}
	replace := func(file, old, text string) func(*token.File) analysis.TextEdit {
		return func(tok *token.File) analysis.TextEdit {
			p := at(t, tok, file, old)
			return analysis.TextEdit{Pos: p, End: p + token.Pos(len(old)), NewText: []byte(text)}
		}
	}
	for _, tc := range []struct {
		name, file string
		edit       func(*token.File) analysis.TextEdit
		want       string // the file with the fix applied
		formatted  string // and formatted; "" when it is want
	}{{
		name: "keeps the alignment",
		file: vars,
		edit: replace(vars, "= 1", "= 3"),
		want: "package p\n\nvar a = 3     // one\nvar bbbbb = 2 // two\n",
	}, {
		name:      "grows past the neighbor",
		file:      vars,
		edit:      replace(vars, "var a ", "var aaaaaaa "),
		want:      "package p\n\nvar aaaaaaa = 1 // one\nvar bbbbb = 2 // two\n",
		formatted: "package p\n\nvar aaaaaaa = 1 // one\nvar bbbbb = 2   // two\n",
	}, {
		name:      "shrinks below the neighbor",
		file:      vars,
		edit:      replace(vars, "bbbbb", "bb"),
		want:      "package p\n\nvar a = 1     // one\nvar bb = 2 // two\n",
		formatted: "package p\n\nvar a = 1  // one\nvar bb = 2 // two\n",
	}, {
		name: "one-line function that stays on one line",
		file: funcs,
		edit: insert(funcs, "TestCC(t *testing.T)   {", " t.Parallel();"),
		want: strings.Replace(funcs, "{ check(t, \"cc\") }", "{ t.Parallel(); check(t, \"cc\") }", 1),
	}, {
		name: "one-line function that no longer fits",
		file: funcs,
		edit: insert(funcs, "TestBBBB(t *testing.T) {", " t.Parallel();"),
		want: strings.Replace(funcs, "func TestBBBB(t *testing.T) { check(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\") }\n",
			"func TestBBBB(t *testing.T) {\n\tt.Parallel()\n\tcheck(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\")\n}\n", 1),
		formatted: strings.NewReplacer(
			"func TestA(t *testing.T)    {", "func TestA(t *testing.T) {",
			"func TestBBBB(t *testing.T) { check(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\") }\n",
			"func TestBBBB(t *testing.T) {\n\tt.Parallel()\n\tcheck(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\")\n}\n",
			"func TestCC(t *testing.T)   {", "func TestCC(t *testing.T) {").Replace(funcs),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src, _, tok := source(t, tc.file)
			fix, ok := src.Fix("fix", tc.edit(tok))
			if !ok {
				t.Fatal("got no fix")
			}
			got := applied(tok, tc.file, fix)
			if got != tc.want {
				t.Errorf("fixed file:\n%s\nwant:\n%s", got, tc.want)
			}
			want := tc.formatted
			if want == "" {
				want = tc.want
			}
			if f, err := format.Source([]byte(got)); err != nil || string(f) != want {
				t.Errorf("formatted, the fixed file is:\n%s (%v)\nwant:\n%s", f, err, want)
			}
		})
	}
}

// TestFixNeighborsMerge checks that the fixes of two one-line functions in
// a row, each of which gofmt would lay out on several lines, edit disjoint
// text, so that a driver can apply both.
func TestFixNeighborsMerge(t *testing.T) {
	t.Parallel()
	const file = "package p\n\nimport \"testing\"\n\n" +
		"func TestA(t *testing.T)    { check(t, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") }\n" +
		"func TestBBBB(t *testing.T) { check(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\") }\n\n" +
		"func check(*testing.T, string) {}\n"
	var all []analysis.TextEdit
	for _, name := range []string{"TestA(t *testing.T)    {", "TestBBBB(t *testing.T) {"} {
		src, _, tok := source(t, file)
		p := at(t, tok, file, name) + token.Pos(len(name))
		fix, ok := src.Fix("fix", analysis.TextEdit{Pos: p, End: p, NewText: []byte(" t.Parallel();")})
		if !ok {
			t.Fatalf("%s: got no fix", name)
		}
		all = append(all, fix.TextEdits...)
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.Pos < b.End && b.Pos < a.End {
				t.Fatalf("edits overlap: %d-%d and %d-%d", a.Pos, a.End, b.Pos, b.End)
			}
		}
	}
	_, _, tok := source(t, file)
	sort.Slice(all, func(i, j int) bool { return all[i].Pos < all[j].Pos })
	got, err := format.Source([]byte(applied(tok, file, analysis.SuggestedFix{TextEdits: all})))
	want := "package p\n\nimport \"testing\"\n\n" +
		"func TestA(t *testing.T) {\n\tt.Parallel()\n\tcheck(t, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")\n}\n" +
		"func TestBBBB(t *testing.T) {\n\tt.Parallel()\n\tcheck(t, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\")\n}\n\n" +
		"func check(*testing.T, string) {}\n"
	if err != nil || string(got) != want {
		t.Errorf("both fixes, formatted:\n%s (%v)\nwant:\n%s", got, err, want)
	}
}
