package ignore_test

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/fixtures"
	"github.com/isolint/isolint/internal/ignore"
)

// rewrite reports, through the Reporter, each statement that a comment
//
//	//rewrite[ N]: "text"[ import "path"]
//
// precedes, with a fix that replaces it and the N-1 statements after it
// with the quoted text and, when the file does not import path yet, adds
// the import. Its fixes are whatever the testdata asks for, so that the
// tests show which ones the Reporter withholds, whatever the rules of
// isolint's own analyzers.
var rewrite = &analysis.Analyzer{
	Name:             "rewrite",
	Doc:              "rewrite statements as comments ask, to test fix verification",
	Requires:         []*analysis.Analyzer{ignore.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		rep := ignore.NewReporter(pass)
		defer rep.Close()
		for _, f := range pass.Files {
			src, ok := fixes.Read(pass, f)
			if !ok {
				continue
			}
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if d, ok := rewriteOf(pass, src, f, c); ok {
						rep.Report(d)
					}
				}
			}
		}
		return nil, nil
	},
}

func rewriteOf(pass *analysis.Pass, src *fixes.Source, f *ast.File, c *ast.Comment) (analysis.Diagnostic, bool) {
	rest, ok := strings.CutPrefix(c.Text, "//rewrite")
	if !ok {
		return analysis.Diagnostic{}, false
	}
	count, rest, _ := strings.Cut(rest, ": ")
	n := 1
	if count != "" {
		n, _ = strconv.Atoi(strings.TrimSpace(count))
	}
	lit, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return analysis.Diagnostic{}, false
	}
	text, _ := strconv.Unquote(lit)
	var path string
	if imp, ok := strings.CutPrefix(rest[len(lit):], " import "); ok {
		path, _ = strconv.Unquote(imp)
	}
	stmts := following(f, c.End(), n)
	if len(stmts) < n {
		return analysis.Diagnostic{}, false
	}
	edits := []analysis.TextEdit{src.ReplaceSpan(stmts[0].Pos(), stmts[n-1].End(), text)}
	if path != "" {
		if _, ok := fixes.ImportName(pass, f, path); !ok {
			edits = append(edits, addImport(f, path))
		}
	}
	fix, ok := src.Fix("Rewrite", edits...)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	return analysis.Diagnostic{Pos: stmts[0].Pos(), Message: "rewrite", SuggestedFixes: []analysis.SuggestedFix{fix}}, true
}

// following returns the first statement after pos and up to n-1 that
// follow it in its list.
func following(f *ast.File, pos token.Pos, n int) []ast.Stmt {
	var out []ast.Stmt
	ast.Inspect(f, func(node ast.Node) bool {
		b, ok := node.(*ast.BlockStmt)
		if !ok || out != nil {
			return out == nil
		}
		for i, st := range b.List {
			if st.Pos() > pos {
				if i > 0 && b.List[i-1].End() > pos {
					return true // pos is inside the statement before
				}
				out = b.List[i:min(i+n, len(b.List))]
				return false
			}
		}
		return true
	})
	return out
}

// addImport inserts the import of path at the end of the file's
// parenthesized import declaration; Fix puts it where gofmt sorts it.
func addImport(f *ast.File, path string) analysis.TextEdit {
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + strconv.Quote(path) + "\n")}
		}
	}
	return analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))}
}

// TestVerified checks that the Reporter offers a fix only when the
// package, with its tests and the other fixes offered, compiles with it,
// and withholds the finding otherwise.
func TestVerified(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), rewrite,
		"verify/unused", "verify/selfimport", "verify/graph", "verify/std", "verify/names", "verify/broken")
}
