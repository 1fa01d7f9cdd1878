// Package tests discovers the tests of a package: top-level Test, Benchmark
// and Fuzz functions and the subtests they start with Run, each with the
// testing variable in scope and whether it runs in parallel.
package tests

import (
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
)

// Analyzer finds the tests of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "tests",
	Doc:              "discover tests, benchmarks, fuzz targets and their subtests (isolint's test discovery)",
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/internal/tests",
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer},
	ResultType:       reflect.TypeFor[*Result](),
}

// Kind says what a test function is.
type Kind int

// The kinds of test.
const (
	TopLevel Kind = iota + 1 // a TestXxx function
	Benchmark
	Fuzz
	Subtest
)

// A Test is a test function or a subtest.
type Test struct {
	// Name is the function name, or parent/name for a subtest: the name
	// as go test prints it when it is a string literal, otherwise the
	// expression that computes it in angle brackets ("parent/<tc.name>").
	Name string
	Kind Kind
	// Func is the *ast.FuncDecl or, for a subtest, the *ast.FuncLit or the
	// *ast.FuncDecl of a named function passed to Run.
	Func ast.Node
	Body *ast.BlockStmt
	// T is the testing parameter; nil when it is unnamed or blank.
	T *types.Var
	// File is the file that holds Func.
	File *ast.File
	// Parent is the test that starts a subtest; nil for top-level tests.
	Parent *Test
	// Run is the Run call that starts a subtest.
	Run *ast.CallExpr
	// Subtests are the subtests this test starts, in source order.
	Subtests []*Test
	// Parallel is the site where the test calls Parallel on its own T,
	// directly or through a helper; nil when it does not.
	Parallel *effects.Site
}

// ParallelInTree reports whether the test or any ancestor is parallel.
func (t *Test) ParallelInTree() bool {
	for ; t != nil; t = t.Parent {
		if t.Parallel != nil {
			return true
		}
	}
	return false
}

// Result lists the tests of the package.
type Result struct {
	// Roots are the top-level tests, benchmarks and fuzz targets in source order.
	Roots []*Test
	decls map[*types.Func]declared
}

// declared is a function declaration of the package, with its file.
type declared struct {
	decl *ast.FuncDecl
	file *ast.File
}

// Decl returns the declaration, with a body, of a function of the package
// and the file that holds it; nil when there is none.
func (r *Result) Decl(fn *types.Func) (*ast.FuncDecl, *ast.File) {
	d := r.decls[fn]
	return d.decl, d.file
}

// All returns every test and subtest, parents before their subtests.
func (r *Result) All() []*Test {
	var out []*Test
	var add func(t *Test)
	add = func(t *Test) {
		out = append(out, t)
		for _, s := range t.Subtests {
			add(s)
		}
	}
	for _, t := range r.Roots {
		add(t)
	}
	return out
}

func run(pass *analysis.Pass) (any, error) {
	eff := pass.ResultOf[effects.Analyzer].(*effects.Result)
	res := &Result{decls: make(map[*types.Func]declared)}
	d := discoverer{pass: pass, eff: eff, decls: res.decls}
	var files []*ast.File
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			files = append(files, f)
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					d.decls[obj] = declared{fd, f}
				}
			}
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			kind, ok := d.kindOf(fd)
			if !ok {
				continue
			}
			t := &Test{Name: fd.Name.Name, Kind: kind, Func: fd, Body: fd.Body, File: f, T: param(pass.TypesInfo, fd.Type)}
			d.fill(t, map[ast.Node]bool{fd: true})
			res.Roots = append(res.Roots, t)
		}
	}
	return res, nil
}

type discoverer struct {
	pass  *analysis.Pass
	eff   *effects.Result
	decls map[*types.Func]declared
}

// kindOf classifies a top-level function by the go test naming rules.
func (d *discoverer) kindOf(fd *ast.FuncDecl) (Kind, bool) {
	name := fd.Name.Name
	obj, _ := d.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if obj == nil || name == "TestMain" {
		return 0, false
	}
	sig := obj.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 0 || sig.TypeParams().Len() != 0 {
		return 0, false
	}
	p := sig.Params().At(0).Type()
	switch {
	case hasPrefix(name, "Test") && isTesting(p, "T"):
		return TopLevel, true
	case hasPrefix(name, "Benchmark") && isTesting(p, "B"):
		return Benchmark, true
	case hasPrefix(name, "Fuzz") && isTesting(p, "F"):
		return Fuzz, true
	}
	return 0, false
}

// hasPrefix applies the go test rule: the name is prefix followed by
// nothing or by a character that is not a lower-case letter.
func hasPrefix(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	if len(name) == len(prefix) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[len(prefix):])
	return !unicode.IsLower(r)
}

// isTesting reports whether t is *testing.<name>.
func isTesting(t types.Type, name string) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "testing" && obj.Name() == name
}

func param(info *types.Info, ft *ast.FuncType) *types.Var {
	if ft.Params == nil || len(ft.Params.List) != 1 || len(ft.Params.List[0].Names) != 1 {
		return nil
	}
	id := ft.Params.List[0].Names[0]
	if id.Name == "_" {
		return nil
	}
	v, _ := info.Defs[id].(*types.Var)
	return v
}

// fill finds t's parallel call and its subtests, recursively. seen guards
// against named subtest functions that start themselves.
func (d *discoverer) fill(t *Test, seen map[ast.Node]bool) {
	if t.T != nil {
		d.eff.Walk(t.Func, func(s effects.Site) bool {
			if s.Effect.Kind == catalog.Parallel && s.T == types.Object(t.T) {
				s := s
				t.Parallel = &s
				return false
			}
			return true
		})
	}
	if t.T == nil || (t.Kind != TopLevel && t.Kind != Subtest && t.Kind != Benchmark) {
		return
	}
	ast.Inspect(t.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 || !d.isRun(call, t.T) {
			return true
		}
		sub := &Test{Kind: Subtest, Parent: t, Run: call, File: t.File, Name: t.Name + "/" + subName(call.Args[0])}
		switch fn := ast.Unparen(call.Args[1]).(type) {
		case *ast.FuncLit:
			sub.Func, sub.Body = fn, fn.Body
			sub.T = param(d.pass.TypesInfo, fn.Type)
		default:
			obj, _ := typeutil.Callee(d.pass.TypesInfo, &ast.CallExpr{Fun: fn}).(*types.Func)
			decl := d.decls[obj]
			if decl.decl == nil || seen[decl.decl] {
				return true
			}
			sub.Func, sub.Body, sub.File = decl.decl, decl.decl.Body, decl.file
			sub.T = param(d.pass.TypesInfo, decl.decl.Type)
		}
		seen[sub.Func] = true
		d.fill(sub, seen)
		t.Subtests = append(t.Subtests, sub)
		return true
	})
}

// isRun reports whether call is v.Run(name, f) on the testing variable v.
func (d *discoverer) isRun(call *ast.CallExpr, v *types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Run" {
		return false
	}
	fn, ok := typeutil.Callee(d.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	switch fn.FullName() {
	case "(*testing.T).Run", "(*testing.B).Run":
	default:
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && d.pass.TypesInfo.Uses[id] == types.Object(v)
}

func subName(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			return strings.ReplaceAll(s, " ", "_")
		}
	}
	return "<" + types.ExprString(e) + ">"
}

// OwnSites returns the effect sites of t's own code: its body and the
// function literals in it, but not its subtests, which are tests of their
// own.
func (t *Test) OwnSites(eff *effects.Result) []effects.Site {
	subs := make(map[ast.Node]bool)
	runs := make(map[ast.Node]bool)
	for _, s := range t.Subtests {
		subs[s.Func] = true
		runs[s.Run] = true
	}
	var out []effects.Site
	var walk func(fn ast.Node)
	walk = func(fn ast.Node) {
		for _, s := range eff.Sites(fn) {
			if runs[s.Node] && s.Callee != nil {
				continue // a named function started as a subtest
			}
			out = append(out, s)
		}
		for _, lit := range eff.Literals(fn) {
			if !subs[lit] {
				walk(lit)
			}
		}
	}
	walk(t.Func)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Node.Pos() < out[j].Node.Pos() })
	return out
}

// Root returns the top-level test that t belongs to.
func (t *Test) Root() *Test {
	for t.Parent != nil {
		t = t.Parent
	}
	return t
}

// ParallelStmt returns the statement `t.Parallel()` when t is parallel by
// such a statement in its own body; nil when it is not parallel or is made
// parallel by a helper, whose call cannot simply be removed.
func (t *Test) ParallelStmt() ast.Stmt {
	if t.Parallel == nil || t.Parallel.Callee != nil {
		return nil
	}
	for _, st := range t.Body.List {
		if es, ok := st.(*ast.ExprStmt); ok && es.X == t.Parallel.Node {
			return es
		}
	}
	return nil
}
