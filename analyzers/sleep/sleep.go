package sleep

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/docs"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/ignore"
	"github.com/isolint/isolint/internal/tests"
)

//go:embed doc.go
var doc string

// Analyzer reports tests that wait by the clock for an event they could
// wait for.
var Analyzer = &analysis.Analyzer{
	Name:             "sleep",
	Doc:              docs.Extract(doc, "sleep"),
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/analyzers/sleep",
	Flags:            flags(),
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, ignore.Analyzer},
	FactTypes:        []analysis.Fact{new(reader)},
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("sleep", flag.ContinueOnError)
	fs.Bool("benchmarks", false, "also report sleeps in benchmarks, which may sleep to simulate work")
	return *fs
}

// A scope is a function whose own statements isolint reads for waits: a
// test, a subtest, or a test helper, with the testing value a fix can use.
type scope struct {
	fn   ast.Node // *ast.FuncDecl or *ast.FuncLit
	body *ast.BlockStmt
	t    types.Object // the testing value; nil when there is none
	file *ast.File
	test *tests.Test // nil for a helper
}

// A wait is a statement that waits by the clock, where it stands.
type wait struct {
	stmt  *ast.ExprStmt
	what  string   // how the message names it: "time.Sleep"
	dur   ast.Expr // the duration waited
	list  []ast.Stmt
	index int      // of stmt in list
	owner ast.Node // the node whose statement list holds stmt
	loop  ast.Stmt // the innermost loop around stmt, or nil
	// settle is the wait in the body of a helper that only waits
	// (settle()), when stmt is a call to it; nil when stmt waits itself.
	settle *ast.ExprStmt
}

type checker struct {
	pass    *analysis.Pass
	eff     *effects.Result
	tests   *tests.Result
	rep     *ignore.Reporter
	labeled map[ast.Stmt]bool
	names   fixes.Names // the names the pass's fixes declare
	// settlers caches, for a function of the package, the wait in its
	// body when it only waits (see settler).
	settlers map[*types.Func]*ast.ExprStmt
	// readers caches whether a function of the package only reads.
	readers map[*ast.FuncDecl]bool
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:     pass,
		eff:      pass.ResultOf[effects.Analyzer].(*effects.Result),
		tests:    pass.ResultOf[tests.Analyzer].(*tests.Result),
		rep:      ignore.NewReporter(pass),
		labeled:  make(map[ast.Stmt]bool),
		settlers: make(map[*types.Func]*ast.ExprStmt),
		readers:  make(map[*ast.FuncDecl]bool),
	}
	c.exportReaders()
	benchmarks := pass.Analyzer.Flags.Lookup("benchmarks").Value.String() == "true"
	helpers := c.helpers()
	byWhere := make(map[string][]helperWait)
	for _, h := range helpers {
		for _, w := range c.waits(h.sc.body) {
			hw := helperWait{h: h, w: w}
			byWhere[c.where(w.stmt)] = append(byWhere[c.where(w.stmt)], hw)
		}
	}
	var calls []helperCall
	for _, t := range c.tests.All() {
		kind := t.Root().Kind
		if kind == tests.Fuzz || kind == tests.Benchmark && !benchmarks {
			if t.Kind != tests.Subtest {
				c.rep.Excuse(t.Func.Pos())
			}
			continue
		}
		sc := &scope{fn: t.Func, body: t.Body, file: t.File, test: t}
		if t.T != nil {
			sc.t = t.T
		}
		for _, w := range c.waits(t.Body) {
			c.check(sc, w, "", nil)
		}
		for _, s := range c.eff.Sites(t.Func) {
			if s.Effect.Kind != catalog.Sleep || s.Callee == nil {
				continue
			}
			if hw, ok := c.resolve(s, byWhere); ok {
				calls = append(calls, helperCall{site: s, hw: hw})
			}
		}
	}
	// A helper's wait is reported once, at the first test line that
	// reaches it. One in a helper with a testing parameter that no test
	// here calls is reported where it is: tests of other packages call it,
	// or a suite runs it by reflection (func (s) TestX(t *testing.T)).
	sort.SliceStable(calls, func(i, j int) bool { return calls[i].site.Node.Pos() < calls[j].site.Node.Pos() })
	done := make(map[*ast.ExprStmt]bool)
	for _, cl := range calls {
		if done[cl.hw.w.stmt] {
			continue
		}
		done[cl.hw.w.stmt] = true
		c.check(cl.hw.h.sc, cl.hw.w, cl.site.Effect.Via(), cl.site.Node)
	}
	for _, h := range helpers {
		if !h.exported {
			continue
		}
		for _, w := range c.waits(h.sc.body) {
			if !done[w.stmt] {
				c.check(h.sc, w, "", nil)
			}
		}
	}
	c.rep.Close()
	return nil, nil
}

// A helper is a function of this package that is test code: declared in a
// _test.go file, taking a testing value, or in a test-support package.
type helper struct {
	sc *scope
	// exported is true for a helper with a testing parameter, which
	// tests of other packages or a suite may call.
	exported bool
}

type helperWait struct {
	h *helper
	w wait
}

type helperCall struct {
	site effects.Site
	hw   helperWait
}

func (c *checker) helpers() []*helper {
	roots := make(map[ast.Node]bool)
	for _, t := range c.tests.All() {
		roots[t.Func] = true
	}
	support := catalog.TestSupport(c.pass.Pkg.Path())
	var out []*helper
	for _, file := range c.pass.Files {
		tok := c.pass.Fset.File(file.FileStart)
		inTest := tok != nil && strings.HasSuffix(tok.Name(), "_test.go")
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || roots[fd] || fd.Name.Name == "TestMain" {
				continue
			}
			obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			t := testingParam(obj)
			if !inTest && !support && t == nil {
				continue
			}
			out = append(out, &helper{
				sc:       &scope{fn: fd, body: fd.Body, t: t, file: file},
				exported: t != nil,
			})
		}
	}
	return out
}

// testingParam returns fn's first parameter of a testing type, or nil.
func testingParam(fn *types.Func) types.Object {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if p := params.At(i); catalog.TestingValue(p.Type()) && p.Name() != "" && p.Name() != "_" {
			return p
		}
	}
	return nil
}

// resolve finds the wait in a helper of this package that a test's call
// site s reaches, following the chain of helpers from the callee.
func (c *checker) resolve(s effects.Site, byWhere map[string][]helperWait) (helperWait, bool) {
	fn := s.Callee
	for i := 0; ; i++ {
		if fn.Pkg() != c.pass.Pkg {
			return helperWait{}, false // reported in its own package, if anywhere
		}
		decl, _ := c.tests.Decl(fn)
		if decl == nil {
			return helperWait{}, false
		}
		if i+1 >= len(s.Effect.Chain) {
			for _, hw := range byWhere[s.Effect.Where] {
				if hw.h.sc.fn == decl {
					return hw, true
				}
			}
			return helperWait{}, false
		}
		var next *types.Func
		for _, ds := range c.eff.Sites(decl) {
			if ds.Effect.Kind == catalog.Sleep && ds.Callee != nil && ds.Callee.Name() == s.Effect.Chain[i+1] && ds.Effect.Where == s.Effect.Where {
				next = ds.Callee
				break
			}
		}
		if next == nil {
			return helperWait{}, false
		}
		fn = next
	}
}

func (c *checker) where(n ast.Node) string {
	p := c.pass.Fset.Position(n.Pos())
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// waits returns the waits among body's own statements, in blocks, loops,
// branches and cases, but not in function literals: a goroutine or a
// callback that sleeps simulates work, it does not wait for it.
func (c *checker) waits(body *ast.BlockStmt) []wait {
	var out []wait
	var list func(stmts []ast.Stmt, owner ast.Node, loop ast.Stmt)
	var stmt func(st ast.Stmt, stmts []ast.Stmt, i int, owner ast.Node, loop ast.Stmt)
	stmt = func(st ast.Stmt, stmts []ast.Stmt, i int, owner ast.Node, loop ast.Stmt) {
		if es, ok := st.(*ast.ExprStmt); ok {
			if stmts == nil {
				// A labeled wait, the target of a goto: the pause of a
				// loop written by hand.
				return
			}
			if what, dur, ok := c.waitCall(es); ok {
				out = append(out, wait{stmt: es, what: what, dur: dur, list: stmts, index: i, owner: owner, loop: loop})
			} else if in, fn := c.settleCall(es); in != nil {
				what, dur, _ := c.waitCall(in)
				what = fmt.Sprintf("%s in helper %s (%s)", what, fn.Name(), c.where(in))
				out = append(out, wait{stmt: es, what: what, dur: dur, list: stmts, index: i, owner: owner, loop: loop, settle: in})
			}
			return
		}
		switch s := st.(type) {
		case *ast.BlockStmt:
			list(s.List, s, loop)
		case *ast.IfStmt:
			list(s.Body.List, s, loop)
			if s.Else != nil {
				stmt(s.Else, nil, 0, s, loop)
			}
		case *ast.ForStmt:
			list(s.Body.List, s, s)
		case *ast.RangeStmt:
			list(s.Body.List, s, s)
		case *ast.SwitchStmt:
			list(s.Body.List, s, loop)
		case *ast.TypeSwitchStmt:
			list(s.Body.List, s, loop)
		case *ast.SelectStmt:
			list(s.Body.List, s, loop)
		case *ast.CaseClause:
			list(s.Body, s, loop)
		case *ast.CommClause:
			list(s.Body, s, loop)
		case *ast.LabeledStmt:
			c.labeled[s.Stmt] = true
			stmt(s.Stmt, nil, 0, s, loop)
		}
	}
	list = func(stmts []ast.Stmt, owner ast.Node, loop ast.Stmt) {
		for i, st := range stmts {
			stmt(st, stmts, i, owner, loop)
		}
	}
	list(body.List, body, nil)
	return out
}

// waitCall recognizes a statement that only waits: time.Sleep(d),
// <-time.After(d) and <-time.NewTimer(d).C.
func (c *checker) waitCall(es *ast.ExprStmt) (string, ast.Expr, bool) {
	x := ast.Unparen(es.X)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		x = ast.Unparen(u.X)
		if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
			if call, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && c.calls(call, "time.NewTimer") {
				return "<-time.NewTimer(…).C", call.Args[0], true
			}
			return "", nil, false
		}
		if call, ok := x.(*ast.CallExpr); ok && c.calls(call, "time.After") {
			return "<-time.After", call.Args[0], true
		}
		return "", nil, false
	}
	if call, ok := x.(*ast.CallExpr); ok && c.calls(call, "time.Sleep") {
		return "time.Sleep", call.Args[0], true
	}
	return "", nil, false
}

// isWait reports whether es waits: by itself, or by calling a helper
// that only waits.
func (c *checker) isWait(es *ast.ExprStmt) bool {
	if _, _, ok := c.waitCall(es); ok {
		return true
	}
	in, _ := c.settleCall(es)
	return in != nil
}

// settleCall recognizes a call to a helper of the package's test code
// whose body does nothing but wait (func settle() { time.Sleep(d) }, with
// t.Helper() allowed): the call is the wait, and the checks after it are
// what it waits for. It returns the helper's wait and the helper.
func (c *checker) settleCall(es *ast.ExprStmt) (*ast.ExprStmt, *types.Func) {
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return nil, nil
	}
	fn = fn.Origin()
	if in, ok := c.settlers[fn]; ok {
		return in, fn
	}
	in := c.settler(fn)
	c.settlers[fn] = in
	return in, fn
}

// settler returns the one wait in fn's body when the body has nothing
// else but calls of a testing value's Helper method, and fn is test code:
// declared in a _test.go file, taking a testing value, or in a
// test-support package. Code under test that waits is behaviour.
func (c *checker) settler(fn *types.Func) *ast.ExprStmt {
	decl, file := c.tests.Decl(fn)
	if decl == nil || decl.Body == nil || file == nil {
		return nil
	}
	tok := c.pass.Fset.File(file.FileStart)
	if !(tok != nil && strings.HasSuffix(tok.Name(), "_test.go") || testingParam(fn) != nil || catalog.TestSupport(c.pass.Pkg.Path())) {
		return nil
	}
	var in *ast.ExprStmt
	for _, st := range decl.Body.List {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			return nil
		}
		if _, _, ok := c.waitCall(es); ok && in == nil {
			in = es
			continue
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return nil
		}
		m, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !ok || m.Name() != "Helper" || m.Pkg() == nil || m.Pkg().Path() != "testing" {
			return nil
		}
	}
	return in
}

// calls reports whether call calls the function with the given full name
// with one argument.
func (c *checker) calls(call *ast.CallExpr, name string) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return ok && fn.FullName() == name && len(call.Args) == 1
}

// check reports the wait w in sc when it can be fixed. via names the
// helper chain and at is the test's call when the wait is in a helper.
func (c *checker) check(sc *scope, w wait, via string, at ast.Node) {
	if sc.t == nil {
		return // no testing value for a fix to use
	}
	f, ok := c.fix(sc, w)
	if !ok {
		return
	}
	subject := w.what
	pos := w.stmt.Pos()
	var related []analysis.RelatedInformation
	if at != nil {
		subject = fmt.Sprintf("%s in %s", w.what, via)
		pos = at.Pos()
		related = []analysis.RelatedInformation{{Pos: w.stmt.Pos(), End: w.stmt.End(), Message: w.what + " here"}}
	} else if w.settle != nil {
		what, _, _ := c.waitCall(w.settle)
		related = []analysis.RelatedInformation{{Pos: w.settle.Pos(), End: w.settle.End(), Message: what + " here"}}
	}
	c.rep.Report(analysis.Diagnostic{
		Pos:            pos,
		Message:        fmt.Sprintf("%s %s; %s", subject, f.because, f.advice),
		Related:        related,
		SuggestedFixes: []analysis.SuggestedFix{f.fix},
	})
}
