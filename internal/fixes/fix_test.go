package fixes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
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

// TestFixAlignedDecls checks that in a gofmt-clean file, an edit to a
// declaration whose comments gofmt aligns with its neighbor's keeps the
// alignment: the region is not clean on its own, so the file is checked.
func TestFixAlignedDecls(t *testing.T) {
	t.Parallel()
	const file = "package p\n\nvar a = 1     // one\nvar bbbbb = 2 // two\n"
	src, _, tok := source(t, file)
	p := at(t, tok, file, "var a = 1")
	fix, ok := src.Fix("fix", analysis.TextEdit{Pos: p + 8, End: p + 9, NewText: []byte("3")})
	if !ok {
		t.Fatal("got no fix")
	}
	want := "package p\n\nvar a = 3     // one\nvar bbbbb = 2 // two\n"
	if got := applied(tok, file, fix); got != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	// Growing the name realigns both lines, as gofmt would.
	src, _, tok = source(t, file)
	fix, ok = src.Fix("fix", analysis.TextEdit{Pos: p + 4, End: p + 5, NewText: []byte("aaaaaaa")})
	if !ok {
		t.Fatal("got no fix")
	}
	want = "package p\n\nvar aaaaaaa = 1 // one\nvar bbbbb = 2   // two\n"
	if got := applied(tok, file, fix); got != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	// Shrinking it realigns the line before, outside the declaration.
	src, _, tok = source(t, file)
	q := at(t, tok, file, "bbbbb")
	fix, ok = src.Fix("fix", analysis.TextEdit{Pos: q, End: q + 5, NewText: []byte("bb")})
	if !ok {
		t.Fatal("got no fix")
	}
	want = "package p\n\nvar a = 1  // one\nvar bb = 2 // two\n"
	if got := applied(tok, file, fix); got != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
}
