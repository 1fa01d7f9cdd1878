package effects

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// Limits that keep facts small: a function keeps at most this many distinct
// effects of one kind, and a chain names at most this many helpers.
const (
	maxPerKind = 8
	maxChain   = 3
)

// function is what the builder knows about one function body.
type function struct {
	node   ast.Node    // *ast.FuncDecl or *ast.FuncLit
	obj    *types.Func // nil for literals
	params []*types.Var
	inTest bool // declared in a _test.go file

	direct []Site // effects in the body itself
	calls  []call // static calls made by the body
	lits   []*function

	summary effectSet // declarations only: everything reachable, literals included
	sites   []Site    // direct and resolved call sites, in source order
}

// call is a static call, or a reference to a named function passed as a
// value (which is then assumed to be called, with unknown arguments).
type call struct {
	node   *ast.CallExpr
	callee *types.Func
	args   []ast.Expr // nil for a function value
}

type builder struct {
	pass     *analysis.Pass
	std      bool
	hasTests bool
	funcs    map[ast.Node]*function
	decls    []*function // in source order
	byObj    map[*types.Func]*function
	callers  map[*types.Func][]*function
	imported map[*types.Func][]Effect
}

func newBuilder(pass *analysis.Pass) *builder {
	return &builder{
		pass:     pass,
		std:      isStd(pass),
		funcs:    make(map[ast.Node]*function),
		byObj:    make(map[*types.Func]*function),
		callers:  make(map[*types.Func][]*function),
		imported: make(map[*types.Func][]Effect),
	}
}

// isStd reports whether the package is part of the standard library, whose
// internal state is not a test's business.
func isStd(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].FileStart)
	if name == nil {
		return false
	}
	root := build.Default.GOROOT
	if root == "" {
		return false
	}
	src := filepath.Join(root, "src") + string(filepath.Separator)
	return strings.HasPrefix(name.Name(), src)
}

// collect walks every function body once, recording direct effects and
// static calls.
func (b *builder) collect() {
	for _, file := range b.pass.Files {
		inTest := strings.HasSuffix(b.pass.Fset.File(file.FileStart).Name(), "_test.go")
		if inTest {
			b.hasTests = true
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fd.Recv == nil && fd.Name.Name == "init" {
				continue // never called by a test
			}
			obj, _ := b.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			f := &function{node: fd, obj: obj, inTest: inTest}
			if obj != nil {
				f.params = tupleVars(obj.Signature().Params())
				b.byObj[obj] = f
			}
			b.funcs[fd] = f
			b.decls = append(b.decls, f)
			w := walker{b: b, f: f}
			w.body(fd.Body)
		}
	}
}

func tupleVars(t *types.Tuple) []*types.Var {
	vs := make([]*types.Var, t.Len())
	for i := range vs {
		vs[i] = t.At(i)
	}
	return vs
}

// walker walks one function body, keeping the enclosing nodes so that a
// write can see the condition that guards it.
type walker struct {
	b      *builder
	f      *function
	lazy   bool // inside a sync.Once-style initializer
	locked bool // a mutex was locked earlier in this body
	stack  []ast.Node
	skip   map[*ast.FuncLit]bool // literals walked already, as lazy initializers
}

func (w *walker) body(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			w.stack = w.stack[:len(w.stack)-1]
			return true
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			if !w.skip[lit] {
				w.literal(lit, w.lazy)
			}
			return false
		}
		w.stack = append(w.stack, n)
		switch n := n.(type) {
		case *ast.CallExpr:
			w.call(n)
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, lhs := range n.Lhs {
					w.write(n, lhs)
				}
			}
		case *ast.IncDecStmt:
			w.write(n, n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						w.write(n, e)
					}
				}
			}
		}
		return true
	})
}

func (w *walker) literal(lit *ast.FuncLit, lazy bool) {
	child := &function{node: lit, inTest: w.f.inTest}
	if sig, ok := w.b.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
		child.params = tupleVars(sig.Params())
	}
	w.b.funcs[lit] = child
	w.f.lits = append(w.f.lits, child)
	cw := walker{b: w.b, f: child, lazy: lazy}
	cw.body(lit.Body)
}

func (w *walker) where(n ast.Node) string {
	p := w.b.pass.Fset.Position(n.Pos())
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

func (w *walker) call(c *ast.CallExpr) {
	info := w.b.pass.TypesInfo
	switch obj := typeutil.Callee(info, c).(type) {
	case *types.Builtin:
		if (obj.Name() == "delete" || obj.Name() == "clear") && len(c.Args) > 0 {
			w.write(c, c.Args[0])
		}
		return
	case *types.Func:
		name := obj.Origin().FullName()
		if api, ok := catalog.Lookup(name); ok {
			if api.ReadsIfZero && len(c.Args) > 0 && isZero(info, c.Args[0]) {
				return
			}
			s := Site{Node: c, Effect: Effect{Kind: api.Kind, What: api.Name, Param: -1, Where: w.where(c)}}
			if catalog.Of(api.Kind).OnT {
				s.T = testingValue(info, c, api.TArg)
			}
			w.f.direct = append(w.f.direct, s)
			return
		}
		switch name {
		case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock", "(*sync.RWMutex).RLock":
			w.locked = true
		case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
			// What runs once is initialization, not a test's business.
			for _, a := range c.Args {
				if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
					if w.skip == nil {
						w.skip = make(map[*ast.FuncLit]bool)
					}
					w.skip[lit] = true
					w.literal(lit, true)
				}
			}
		}
		if fn := typeutil.StaticCallee(info, c); fn != nil {
			args := c.Args
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && len(args) > 0 {
					args = args[1:] // the receiver is the first argument
				}
			}
			w.f.calls = append(w.f.calls, call{node: c, callee: fn.Origin(), args: args})
		}
	}
	// A named function passed as a value is assumed to be called.
	for _, a := range c.Args {
		if fn := funcRef(info, a); fn != nil {
			w.f.calls = append(w.f.calls, call{node: c, callee: fn.Origin()})
		}
	}
}

// funcRef returns the function that e names, when e is a reference to a
// declared function (not a call of it).
func funcRef(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil {
			if s.Kind() != types.MethodVal {
				return nil
			}
		}
		id = e.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

// testingValue returns the variable holding the testing value a call acts
// on: the receiver (arg 0) or the n-th argument.
func testingValue(info *types.Info, c *ast.CallExpr, arg int) types.Object {
	var e ast.Expr
	if arg == 0 {
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		e = sel.X
	} else if arg <= len(c.Args) {
		e = c.Args[arg-1]
	}
	return identObj(info, e)
}

func identObj(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return info.Uses[id]
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
}

// write records an assignment to lhs when it writes package-level state.
func (w *walker) write(stmt ast.Node, lhs ast.Expr) {
	v := WrittenVar(w.b.pass.TypesInfo, lhs)
	if v == nil || !isPackageLevel(v) {
		return
	}
	if w.lazy || w.guarded(v) {
		return // lazy initialization: `if v == nil { v = … }` or sync.Once
	}
	if w.locked && !w.f.inTest {
		return // state a package protects with a mutex is its own business
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   stmt,
		Effect: Effect{Kind: catalog.GlobalVar, What: v.Pkg().Path() + "." + v.Name(), Param: -1, Where: w.where(stmt)},
	})
}

// guarded reports whether the current write sits in the body of an if
// statement whose condition mentions v: the shape of lazy initialization.
func (w *walker) guarded(v *types.Var) bool {
	info := w.b.pass.TypesInfo
	for i := len(w.stack) - 1; i > 0; i-- {
		ifs, ok := w.stack[i-1].(*ast.IfStmt)
		if !ok || w.stack[i] != ifs.Body {
			continue
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// WrittenVar returns the variable whose storage an assignment to e writes:
// v for v, v.f, v[i], *v and any nesting of them.
func WrittenVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s != nil {
				if s.Kind() != types.FieldVal {
					return nil
				}
				e = x.X
				continue
			}
			v, _ := info.Uses[x.Sel].(*types.Var) // a qualified identifier
			return v
		case *ast.IndexExpr:
			t := info.TypeOf(x.X)
			if t == nil {
				return nil
			}
			if _, ok := t.Underlying().(*types.Pointer); ok {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && !v.IsField() && v.Name() != "_" && v.Pkg().Scope().Lookup(v.Name()) == v
}
