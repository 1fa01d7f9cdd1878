package registry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// A replacement puts text, which may name the test's own value v, in
// place of a node.
type replacement struct {
	node ast.Node
	text func(v string) string
}

// perTest returns the edits that declare a value of the test's own, named
// after base, just before the statement of t's body that holds the first
// of the replaced nodes, and that make the replacements. decl gives the
// declaring statement for the chosen name.
func (c *checker) perTest(t *tests.Test, src *fixes.Source, base string, decl func(v string) string, repls []replacement) ([]analysis.TextEdit, bool) {
	if len(repls) == 0 {
		return nil, false
	}
	first := repls[0].node
	for _, r := range repls {
		if r.node.Pos() < first.Pos() {
			first = r.node
		}
	}
	top := fixes.TopStmt(t.Body, first)
	if top == nil {
		return nil, false
	}
	v := c.names.Fresh(c.pass, top.Pos(), base, src.Text(first))
	edits := []analysis.TextEdit{src.InsertBefore(top, decl(v))}
	for _, r := range repls {
		edits = append(edits, src.Replace(r.node, r.text(v)))
	}
	return edits, true
}

// inspect calls visit for every node of t's body; with own, not for the
// bodies of its subtests, which are tests of their own.
func inspect(t *tests.Test, own bool, visit func(ast.Node) bool) {
	subs := make(map[ast.Node]bool)
	if own {
		for _, s := range t.Subtests {
			subs[s.Func] = true
		}
	}
	ast.Inspect(t.Body, func(n ast.Node) bool {
		if n == nil || subs[n] {
			return false
		}
		return visit(n)
	})
}

// stringLits returns the string literals of t's body, subtests included,
// in source order.
func stringLits(t *tests.Test) []*ast.BasicLit {
	var out []*ast.BasicLit
	inspect(t, false, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			out = append(out, lit)
		}
		return true
	})
	return out
}

// stringValue returns the value of a string literal.
func stringValue(lit *ast.BasicLit) string {
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return v
}

// literalArg returns the i-th argument (0-based) of call when it is a
// string literal.
func literalArg(call *ast.CallExpr, i int) (*ast.BasicLit, bool) {
	if i < 0 || i >= len(call.Args) {
		return nil, false
	}
	lit, ok := ast.Unparen(call.Args[i]).(*ast.BasicLit)
	return lit, ok && lit.Kind == token.STRING
}

// pkgObj returns the object of a package-level name that e refers to
// (pkg.Name, or Name under a dot import), and its package's path.
func (c *checker) pkgObj(e ast.Expr) (types.Object, string) {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		if c.pass.TypesInfo.Selections[e] != nil {
			return nil, ""
		}
		id = e.Sel
	default:
		return nil, ""
	}
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return nil, ""
	}
	return obj, obj.Pkg().Path()
}

// declaredBefore reports whether every variable e refers to is declared
// before pos, so that a statement inserted at pos may use e.
func (c *checker) declaredBefore(e ast.Expr, pos token.Pos) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID {
			if v, isVar := c.pass.TypesInfo.Uses[id].(*types.Var); isVar && v.Pos() >= pos && v.Parent() != v.Pkg().Scope() {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// pure reports whether e can be evaluated again, later, with the same
// result and no effect: a name or a selection of one.
func pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name != "nil" && e.Name != "_"
	case *ast.SelectorExpr:
		return pure(e.X)
	}
	return false
}

// isZeroDir reports whether e names the default directory for temporary
// files: "" or os.TempDir().
func (c *checker) isZeroDir(e ast.Expr) bool {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value) == ""
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	fn := c.calleeOf(call)
	return fn != nil && fn.FullName() == "os.TempDir"
}

// identifier turns a registered name into a Go identifier for the
// variable that holds the test's own: "card-visa" → "cardVisaName".
func identifier(s, suffix string) string {
	var b strings.Builder
	upper := false
	for _, r := range s {
		if b.Len() >= 32 || upper && b.Len() >= 16 {
			break // long enough: end at a word
		}
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || b.Len() > 0 && r >= '0' && r <= '9'):
			if upper && b.Len() > 0 {
				r = []rune(strings.ToUpper(string(r)))[0]
			}
			b.WriteRune(r)
			upper = false
		default:
			upper = true
		}
	}
	if b.Len() == 0 {
		return strings.ToLower(suffix[:1]) + suffix[1:]
	}
	name := b.String()
	name = strings.ToLower(name[:1]) + name[1:]
	if token.IsKeyword(name + suffix) {
		return strings.ToLower(suffix[:1]) + suffix[1:]
	}
	return name + suffix
}
