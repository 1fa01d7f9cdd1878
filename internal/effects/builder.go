package effects

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
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
	maxMany    = 32 // for kinds marked Many
	maxChain   = 3
)

// function is what the builder knows about one function body.
type function struct {
	node     ast.Node    // *ast.FuncDecl or *ast.FuncLit
	obj      *types.Func // nil for literals
	params   []*types.Var
	recv     *types.Var // a method's receiver
	inTest   bool       // declared in a _test.go file
	restorer bool       // a literal that runs deferred or at cleanup: it undoes
	cleanup  bool       // a literal that runs at the test's cleanup, after the test's body

	direct []Site  // effects in the body itself
	guards []guard // writes of process-wide state in the body itself
	calls  []call  // static calls made by the body
	lits   []*function

	summary effectSet // declarations only: everything reachable, literals included
	settled int       // 0, 1 while settling, 2 when Restored flags are final
	sites   []Site    // direct and resolved call sites, in source order

	use     use                   // literals: how the enclosing function uses it
	dead    bool                  // literals: never called, so no site of it counts
	called  map[types.Object]bool // local variables and parameters the body calls
	reached []reached             // declarations: the functions its summary holds

	// For the summary of a package variable of function type: the
	// variable, and the literals assigned to it (named functions and
	// other variables assigned to it are in calls).
	variable *types.Var
	targets  []*function

	// For a declaration: the package variable every return statement
	// returns (a GetDefault()-style accessor), unless returnsOther.
	returns      *types.Var
	returnsOther bool
}

// call is a static call, or a reference to a named function passed as a
// value (which is then assumed to be called, with unknown arguments).
type call struct {
	node   *ast.CallExpr
	callee *types.Func
	args   []ast.Expr // nil for a function value
	// restores is true for a call that runs deferred or at cleanup: what
	// it does undoes what the function did before.
	restores bool
	// undone is true for a call whose result, a function, is deferred or
	// registered for cleanup: what the call does is undone by it.
	undone bool
	// via is the package variable of function type called through, when
	// callee is nil: the call reaches every function assigned to it.
	via *types.Var
	// result is how the call's result is used, for the effects of a
	// function the callee returns; value, for a named function passed as a
	// value (ref), how it is used.
	result use
	value  use
	ref    bool
	// final is true for a call in a statement of a declared function's
	// own body, not nested in a branch, loop or literal.
	final bool
	// scope is the end of the innermost block that holds the call.
	scope token.Pos
	// loop is the innermost loop of the body that holds the call; nil
	// when there is none. When it polls for a change, a sleep the call
	// reaches is the pause between the loop's tries.
	loop ast.Stmt
}

type builder struct {
	pass     *analysis.Pass
	std      bool
	support  bool // a test-support package: its functions are test helpers
	store    bool // a store client's package: its calls to the store are its own business, but for its tests'
	hasTests bool
	funcs    map[ast.Node]*function
	decls    []*function // in source order
	byObj    map[*types.Func]*function
	callers  map[types.Object][]*function // by function or package function variable
	imported map[*types.Func][]Effect
	inits    map[*types.Var]ast.Expr // package variables' initializers, built on first use
	// vars holds the summaries of this package's variables of function
	// type, in varOrder; importedVars, those of other packages' variables.
	vars         map[*types.Var]*function
	varOrder     []*function
	importedVars map[*types.Var][]Effect
	accesses     []access // pointer-method calls on what a function of this package returns
	// bases are the baselines of the package's own variables, testBases
	// those the init functions of its test files set (for variables of
	// any package), setterBases the arguments with which every init of
	// its test files calls a catalog setter.
	bases       map[*types.Var]Baseline
	testBases   map[*types.Var]Baseline
	setterBases map[string]string
	// constLocals maps each local variable that holds one constant for
	// its whole life to it; built on first use.
	constLocals map[*types.Var]constant.Value
	// assigned holds the package variables that some function of the
	// package assigns to; built on first use.
	assigned map[*types.Var]bool
	// valueFuncs holds the functions and methods of the package used as
	// values, invoked the names of the methods it calls through an
	// interface; built on first use.
	valueFuncs map[*types.Func]bool
	invoked    map[string]bool
	// locals and declsByObj index the package's function bodies for
	// tracing listen addresses; built on first use.
	locals     map[*ast.FuncDecl]*localValues
	declsByObj map[*types.Func]*ast.FuncDecl
	// derived maps a local to the value it was made from keeping its
	// dynamic type (a type assertion, reflect.ValueOf), for dynamic calls.
	derived    map[types.Object]derived
	methodSets typeutil.MethodSetCache
	// pollLoops maps each loop asked about to whether it polls for a
	// change; built on first use.
	pollLoops map[ast.Stmt]bool
}

// constLocal returns the constant that a local variable holds for its
// whole life: it is declared once with a constant, path := "/tmp/out",
// and never assigned again nor has its address taken. Otherwise nil.
func (b *builder) constLocal(v *types.Var) constant.Value {
	if b.constLocals == nil {
		b.constLocals = constLocals(b.pass)
	}
	return b.constLocals[v]
}

// initializer returns the expression a package variable of this package
// is declared with, or nil.
func (b *builder) initializer(v *types.Var) ast.Expr {
	if b.inits == nil {
		b.inits = make(map[*types.Var]ast.Expr)
		for pv, decl := range PackageVars(b.pass) {
			if decl.Init != nil {
				b.inits[pv] = decl.Init
			}
		}
	}
	return b.inits[v]
}

// constLocals returns the local variables of the package's functions that
// hold one constant for their whole life, and their values, and the
// package variables of its test files that do (var dbFile =
// "/tmp/test.db", never assigned). A variable declared with
// filepath.Join(os.TempDir(), "name") holds a fixed name in the machine's
// temporary directory, "/tmp/name" for the engine.
func constLocals(pass *analysis.Pass) map[*types.Var]constant.Value {
	info := pass.TypesInfo
	defs := make(map[*types.Var]int)
	values := make(map[*types.Var]constant.Value)
	written := make(map[*types.Var]bool)
	define := func(id *ast.Ident, value ast.Expr) {
		v, ok := info.Defs[id].(*types.Var)
		if !ok {
			return
		}
		defs[v]++
		if value != nil {
			if tv, ok := info.Types[value]; ok && tv.Value != nil {
				values[v] = tv.Value
			} else if name, ok := TempDirName(info, value); ok {
				values[v] = constant.MakeString("/tmp/" + name)
			}
		}
	}
	write := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				written[v] = true
			}
		}
	}
	out := make(map[*types.Var]constant.Value)
	for _, f := range pass.Files {
		test := strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR && test {
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, id := range vs.Names {
						if len(vs.Names) == len(vs.Values) {
							define(id, vs.Values[i])
						}
					}
				}
			}
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						id, ok := l.(*ast.Ident)
						if n.Tok == token.DEFINE && ok && info.Defs[id] != nil {
							var value ast.Expr
							if len(n.Lhs) == len(n.Rhs) {
								value = n.Rhs[i]
							}
							define(id, value)
						} else {
							write(l)
						}
					}
				case *ast.ValueSpec:
					for i, id := range n.Names {
						var value ast.Expr
						if len(n.Names) == len(n.Values) {
							value = n.Values[i]
						}
						define(id, value)
					}
				case *ast.RangeStmt:
					if n.Tok == token.ASSIGN {
						write(n.Key)
						write(n.Value)
					}
				case *ast.IncDecStmt:
					write(n.X)
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						write(n.X)
					}
				}
				return true
			})
		}
	}
	for v, value := range values {
		if defs[v] == 1 && !written[v] {
			out[v] = value
		}
	}
	return out
}

func newBuilder(pass *analysis.Pass) *builder {
	return &builder{
		pass:     pass,
		std:      isStd(pass),
		support:  pass.Pkg != nil && catalog.TestSupport(pass.Pkg.Path()),
		store:    pass.Pkg != nil && catalog.StorePackage(pass.Pkg.Path()),
		funcs:    make(map[ast.Node]*function),
		byObj:    make(map[*types.Func]*function),
		callers:  make(map[types.Object][]*function),
		imported: make(map[*types.Func][]Effect),

		importedVars: make(map[*types.Var][]Effect),
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
				// Never called by a test; walked only for the functions it
				// assigns to package variables.
				w := walker{b: b, f: &function{node: fd, inTest: inTest}, values: &values{}}
				w.body(fd.Body)
				continue
			}
			obj, _ := b.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			f := &function{node: fd, obj: obj, inTest: inTest}
			if obj != nil {
				f.params = tupleVars(obj.Signature().Params())
				f.recv = obj.Signature().Recv()
				b.byObj[obj] = f
			}
			b.funcs[fd] = f
			b.decls = append(b.decls, f)
			w := walker{b: b, f: f, values: &values{}}
			w.body(fd.Body)
		}
	}
	b.varInits()
	b.resolveAccesses()
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
	// Literals already walked (as lazy initializers), and literals and
	// calls that run deferred or at cleanup.
	skip      map[*ast.FuncLit]bool
	restorers map[ast.Node]bool
	cleanups  map[ast.Node]bool // the literals among restorers that run at cleanup
	// undoers maps a call whose result is deferred or registered for
	// cleanup to true; definedBy maps a local variable to the call whose
	// result it holds, for `undo := swap(); defer undo()`.
	undoers   map[*ast.CallExpr]bool
	definedBy map[types.Object]*ast.CallExpr
	// aliases maps a local variable to the package variable whose memory
	// it refers to: c := http.DefaultClient, f := root.Flags().Lookup(n).
	aliases map[types.Object]*types.Var
	calls   map[*ast.CallExpr]int // index in f.calls, to mark undone calls later
	values  *values               // shared with the walkers of nested literals
	// saved maps a local to the package variable whose value it was
	// declared with: v := binding.Validator.
	saved map[types.Object]*types.Var
}

// save notes `old := pkg.V`, a copy of a package variable's value that a
// later `pkg.V = old` puts back.
func (w *walker) save(as *ast.AssignStmt) {
	if as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := w.b.pass.TypesInfo
	for i, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || info.Defs[id] == nil {
			continue
		}
		if v := lhsVar(info, as.Rhs[i]); v != nil {
			if w.saved == nil {
				w.saved = make(map[types.Object]*types.Var)
			}
			w.saved[info.Defs[id]] = v
		}
	}
}

func (w *walker) body(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			w.stack = w.stack[:len(w.stack)-1]
			return true
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			if !w.skip[lit] {
				w.literal(lit, w.lazy, w.f.restorer || w.restorers[lit])
			}
			return false
		}
		w.stack = append(w.stack, n)
		switch n := n.(type) {
		case *ast.DeferStmt:
			w.deferred(n.Call)
		case *ast.GoStmt:
			w.f.direct = append(w.f.direct, Site{Node: n, Effect: Effect{Kind: catalog.Spawn, What: "go", Param: -1, Where: w.where(n)}})
		case *ast.CallExpr:
			w.call(n)
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, lhs := range n.Lhs {
					w.write(n, lhs, false)
				}
			}
			w.remember(n)
			w.save(n)
			w.alias(n)
			w.derive(n)
			w.assignFuncs(n)
		case *ast.Ident:
			w.used(n)
			w.read(n)
			w.envFuncValue(n)
		case *ast.IncDecStmt:
			w.write(n, n.X, false)
		case *ast.ReturnStmt:
			w.returned(n)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						w.write(n, e, false)
					}
				}
			}
			w.rangeAlias(n)
		}
		return true
	})
}

func (w *walker) literal(lit *ast.FuncLit, lazy, restorer bool) {
	child := &function{node: lit, inTest: w.f.inTest, restorer: restorer, cleanup: restorer && (w.f.cleanup || w.cleanups[lit])}
	if sig, ok := w.b.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
		child.params = tupleVars(sig.Params())
	}
	w.b.funcs[lit] = child
	w.f.lits = append(w.f.lits, child)
	u, local := w.useOf(lit, w.stack)
	child.use = u
	if local != nil {
		w.hold(local, holder{lit: child})
	}
	if v := w.litTarget(lit, w.stack); v != nil {
		w.b.assignFunc(v, nil, child)
	}
	cw := walker{b: w.b, f: child, lazy: lazy, values: w.values}
	cw.body(lit.Body)
}

func (w *walker) mark(set *map[ast.Node]bool, n ast.Node) {
	if *set == nil {
		*set = make(map[ast.Node]bool)
	}
	(*set)[n] = true
}

// alias notes locals that refer to a package variable's memory, so that a
// write through them is a write to it.
func (w *walker) alias(as *ast.AssignStmt) {
	if as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := w.b.pass.TypesInfo
	for i, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		local, ok := info.Defs[id].(*types.Var)
		if !ok || !refersToMemory(local.Type()) {
			continue
		}
		if root := w.aliasRoot(as.Rhs[i]); root != nil {
			if w.aliases == nil {
				w.aliases = make(map[types.Object]*types.Var)
			}
			w.aliases[local] = root
		}
	}
}

// rangeAlias notes the key and value of a range over a package variable's
// map or slice: `for f := range flagFuncs { f.Annotations = … }` writes
// memory every test that reaches the map shares.
func (w *walker) rangeAlias(rs *ast.RangeStmt) {
	if rs.Tok != token.DEFINE {
		return
	}
	root := w.aliasRoot(rs.X)
	if root == nil {
		return
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		id, ok := e.(*ast.Ident)
		if !ok {
			continue
		}
		if local, ok := w.b.pass.TypesInfo.Defs[id].(*types.Var); ok && refersToMemory(local.Type()) {
			if w.aliases == nil {
				w.aliases = make(map[types.Object]*types.Var)
			}
			w.aliases[local] = root
		}
	}
}

// aliasRoot returns the package variable that e reaches into, through
// fields, elements, dereferences, type assertions and method calls; nil
// when there is none, or when it holds a lock or pool (handed out on
// purpose).
func (w *walker) aliasRoot(e ast.Expr) *types.Var {
	info := w.b.pass.TypesInfo
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s != nil {
				e = x.X
				continue
			}
			v, _ := info.Uses[x.Sel].(*types.Var)
			return w.packageRoot(v)
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.CallExpr:
			if v := w.b.singleton(x); v != nil {
				return v
			}
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
				return nil
			}
			e = sel.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v != nil && w.aliases[v] != nil {
				return w.aliases[v]
			}
			return w.packageRoot(v)
		default:
			return nil
		}
	}
}

func (w *walker) packageRoot(v *types.Var) *types.Var {
	if v == nil || !isPackageLevel(v) || catalog.NoCopy(v.Type()) {
		return nil
	}
	return v
}

// refersToMemory reports whether a value of type t refers to memory it
// shares with where it came from.
func refersToMemory(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Interface, *types.Chan:
		return true
	}
	return false
}

// remember notes `v := f(…)` so that a later `defer v()` can be traced to
// the call that made v.
func (w *walker) remember(as *ast.AssignStmt) {
	if len(as.Rhs) != 1 {
		return
	}
	c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	for _, lhs := range as.Lhs {
		if obj := identObj(w.b.pass.TypesInfo, lhs); obj != nil {
			if w.definedBy == nil {
				w.definedBy = make(map[types.Object]*ast.CallExpr)
			}
			w.definedBy[obj] = c
		}
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := w.b.pass.TypesInfo.Defs[id]; obj != nil {
				if w.definedBy == nil {
					w.definedBy = make(map[types.Object]*ast.CallExpr)
				}
				w.definedBy[obj] = c
			}
		}
	}
}

// deferred notes what a deferred call undoes: `defer func() { … }()`,
// `defer restore()`, `defer os.Unsetenv(k)` run at the end and undo;
// `defer swap(x)()` and `undo := swap(x); defer undo()` undo what the
// call that made the deferred function did.
func (w *walker) deferred(d *ast.CallExpr) {
	switch fun := ast.Unparen(d.Fun).(type) {
	case *ast.FuncLit:
		w.mark(&w.restorers, fun)
		w.undoneIn(fun)
	case *ast.CallExpr:
		w.undo(fun)
	default:
		if obj := identObj(w.b.pass.TypesInfo, fun); obj != nil && w.definedBy[obj] != nil {
			w.undo(w.definedBy[obj])
		} else {
			w.mark(&w.restorers, d)
		}
	}
}

// cleanup notes what a function registered with t.Cleanup undoes: a
// literal or named function runs at cleanup; `t.Cleanup(swap(x))` and
// `undo := swap(x); t.Cleanup(undo)` undo what swap did.
func (w *walker) cleanup(arg ast.Expr) {
	info := w.b.pass.TypesInfo
	switch e := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		w.mark(&w.restorers, e)
		w.mark(&w.cleanups, e)
		w.undoneIn(e)
	case *ast.CallExpr:
		w.undo(e)
	default:
		if obj := identObj(info, e); obj != nil && w.definedBy[obj] != nil {
			w.undo(w.definedBy[obj])
		} else if funcRef(info, e) != nil {
			w.mark(&w.restorers, arg)
		}
	}
}

// undoneIn notes the calls that a literal run deferred or at cleanup
// undoes by calling the functions they returned, kept in locals:
// `revert := swap(x); t.Cleanup(func() { revert() })`.
func (w *walker) undoneIn(lit *ast.FuncLit) {
	for _, st := range lit.Body.List {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		c, ok := ast.Unparen(es.X).(*ast.CallExpr)
		if !ok || len(c.Args) != 0 {
			continue
		}
		if obj := identObj(w.b.pass.TypesInfo, c.Fun); obj != nil && w.definedBy[obj] != nil {
			w.undo(w.definedBy[obj])
		}
	}
}

// undo marks the call c, already seen, as undone by its result.
func (w *walker) undo(c *ast.CallExpr) {
	if i, ok := w.calls[c]; ok {
		w.f.calls[i].undone = true
		return
	}
	if w.undoers == nil {
		w.undoers = make(map[*ast.CallExpr]bool)
	}
	w.undoers[c] = true // not walked yet: defer swap(x)()
}

func (w *walker) where(n ast.Node) string {
	p := w.b.pass.Fset.Position(n.Pos())
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// restoring reports whether the call c runs deferred or at cleanup.
func (w *walker) restoring(c *ast.CallExpr) bool {
	return w.f.restorer || w.restorers[c]
}

func (w *walker) addCall(cl call) {
	if w.calls == nil {
		w.calls = make(map[*ast.CallExpr]int)
	}
	if _, seen := w.calls[cl.node]; !seen {
		w.calls[cl.node] = len(w.f.calls)
	}
	i := len(w.f.calls)
	cl.scope = w.scopeEnd()
	cl.loop = w.loop()
	var local types.Object
	cl.result, local = w.useOf(cl.node, w.stack[:len(w.stack)-1])
	w.f.calls = append(w.f.calls, cl)
	if local != nil {
		w.hold(local, holder{owner: w.f, call: i})
	}
}

func (w *walker) call(c *ast.CallExpr) {
	info := w.b.pass.TypesInfo
	w.calledParam(c)
	switch obj := typeutil.Callee(info, c).(type) {
	case *types.Var:
		if isPackageLevel(obj) {
			if _, ok := obj.Type().Underlying().(*types.Signature); ok {
				w.addCall(call{node: c, via: obj, args: c.Args, restores: w.restoring(c), undone: w.undoers[c]})
			}
		}
	case *types.Builtin:
		if (obj.Name() == "delete" || obj.Name() == "clear") && len(c.Args) > 0 {
			w.write(c, c.Args[0], true)
		}
		return
	case *types.Func:
		name := obj.Origin().FullName()
		w.dispatch(c, obj)
		w.readsEnv(c, obj)
		if catalog.DoesIO(obj) {
			w.f.direct = append(w.f.direct, Site{Node: c, Effect: Effect{Kind: catalog.IO, What: obj.Pkg().Path(), Param: -1, Where: w.where(c)}})
		}
		if catalog.StoreCall(obj) && (!w.b.store || w.f.inTest) {
			w.f.direct = append(w.f.direct, Site{Node: c, Effect: Effect{Kind: catalog.Store, What: obj.Pkg().Path(), Param: -1, Where: w.where(c)}})
			w.storeWrites(c, obj)
		}
		api, ok := catalog.Lookup(name)
		if ok && api.Kind == catalog.RegistersOn {
			// Otherwise an ordinary call, whose callee's facts count.
			w.registersOn(c, api)
		} else if ok {
			w.readsAPI(c, api)
			if api.Kind == catalog.ReadsFirst {
				return
			}
			if api.ReadsIfZero && len(c.Args) > 0 && isNilOrZero(info, c.Args[0]) {
				return
			}
			if api.ReadsIfNegative && len(c.Args) > 0 && isNegative(info, c.Args[0]) {
				return
			}
			if api.ArgIs == catalog.ArgAddr && !(api.Arg > 1 && unixNetwork(info, c.Args[0])) {
				if !w.listens(c, api) {
					return
				}
			} else if api.ArgIs != 0 && !w.b.fixedArg(c, api) {
				w.createsArg(c, api)
				return
			}
			s := Site{Node: c, Effect: Effect{Kind: api.Kind, What: api.Name, Param: -1, Where: w.where(c), Key: envKey(info, api, c), Once: w.lazy}, Restores: w.restoring(c), Final: w.final()}
			switch api.Kind {
			case catalog.Sleep:
				s.Effect.Polls = w.b.polls(w.loop())
			case catalog.Setter:
				w.guard(c, api.Name)
				s.Effect.Resets = w.b.isSetterBaseline(c)
				s.Effect.Start = w.b.keepsStart(c, api)
				s.Inexact = s.Restores && !s.Effect.Resets && !w.restoresSetter(c)
			case catalog.Env:
				s.Inexact = s.Restores && !w.restoresEnv(c)
			}
			if catalog.Of(api.Kind).OnT {
				s.T = testingValue(info, c, api.TArg)
			}
			w.f.direct = append(w.f.direct, s)
			w.registersArg(c, api)
			return
		}
		switch name {
		case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock":
			// A read lock guards no write: writing under it races.
			w.locked = true
		case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
			// What runs once is initialization, not a test's business.
			for _, a := range c.Args {
				if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
					if w.skip == nil {
						w.skip = make(map[*ast.FuncLit]bool)
					}
					w.skip[lit] = true
					w.literal(lit, true, w.f.restorer)
				}
			}
		case "(*testing.common).Cleanup", "(testing.TB).Cleanup":
			if len(c.Args) == 1 {
				w.cleanup(c.Args[0])
			}
		}
		w.singletonMethod(c, obj)
		if fn := typeutil.StaticCallee(info, c); fn != nil {
			args := c.Args
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && len(args) > 0 {
					args = args[1:] // the receiver is the first argument
				}
			}
			w.addCall(call{node: c, callee: fn.Origin(), args: args, restores: w.restoring(c), undone: w.undoers[c], final: w.final()})
		}
	}
	// A named function passed as a value is called when it is handed to
	// the testing package (t.Run, t.Cleanup) or to a function of this
	// package that calls that parameter; handed anywhere else (a handler
	// registered on a mux), it may run: its effects are Maybe.
	if _, builtin := typeutil.Callee(info, c).(*types.Builtin); builtin {
		return
	}
	for _, a := range c.Args {
		if fn := funcRef(info, a); fn != nil {
			w.f.calls = append(w.f.calls, call{node: c, callee: fn.Origin(), restores: w.f.restorer || w.restorers[a], ref: true, value: w.handedTo(c, a)})
		}
	}
}

// restoresEnv reports whether a change of the environment that runs
// deferred or at cleanup puts back the value that was there: a Setenv
// deferred directly, whose value is read at the defer statement (defer
// os.Setenv(k, os.Getenv(k))), or one that sets a saved variable; an
// Unsetenv in a branch, the other side of `if had { … } else { … }`.
func (w *walker) restoresEnv(c *ast.CallExpr) bool {
	info := w.b.pass.TypesInfo
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	if !ok {
		return false
	}
	switch fn.Name() {
	case "Setenv":
		if len(c.Args) != 2 {
			return false
		}
		if !w.f.restorer && w.restorers[c] {
			tv, ok := info.Types[c.Args[1]]
			return !ok || tv.Value == nil // evaluated at the defer statement
		}
		return savedValue(info, c.Args[1])
	case "Unsetenv":
		return w.inBranch()
	}
	return false
}

// restoresSetter reports whether a setter call that runs deferred or at
// cleanup puts back a saved value: its arguments are variables, or, when
// deferred directly, are evaluated at the defer statement.
func (w *walker) restoresSetter(c *ast.CallExpr) bool {
	info := w.b.pass.TypesInfo
	direct := !w.f.restorer && w.restorers[c]
	for _, a := range c.Args {
		tv, ok := info.Types[a]
		if ok && tv.Value != nil {
			return false
		}
		if !direct && !savedValue(info, a) {
			return false
		}
	}
	return true
}

// read records a use of a package variable of this package. (Writes are
// uses too; a write is also a read of what the test leaves there.)
func (w *walker) read(id *ast.Ident) {
	v, ok := w.b.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || !isPackageLevel(v) {
		return
	}
	w.readsFirst(id, v)
	if w.lazy {
		return
	}
	if v.Pkg() != w.b.pass.Pkg {
		w.catalogVar(id, v)
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   id,
		Effect: Effect{Kind: catalog.Read, What: v.Pkg().Path() + "." + v.Name(), Param: -1, Where: w.where(id)},
	})
}

// catalogVar records a use of a package variable of another package that
// the catalog knows (flag.CommandLine), unless the use assigns to it.
func (w *walker) catalogVar(id *ast.Ident, v *types.Var) {
	name := v.Pkg().Path() + "." + v.Name()
	kind, ok := catalog.Vars[name]
	if !ok {
		return
	}
	// The expression that names the variable, flag.CommandLine or a dot
	// import's CommandLine, and the node that holds it.
	e, parent := w.named(id)
	if as, ok := parent.(*ast.AssignStmt); ok && slices.Contains(as.Lhs, e) {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   id,
		Effect: Effect{Kind: kind, What: name, Param: -1, Where: w.where(id)},
	})
}

// fixedArg reports whether the argument the catalog row names is a
// constant of the kind it wants, or a local variable that holds one for
// its whole life: a file path, or a listen address with a fixed port.
func (b *builder) fixedArg(c *ast.CallExpr, api *catalog.API) bool {
	info := b.pass.TypesInfo
	if api.Arg > len(c.Args) {
		return false
	}
	arg := c.Args[api.Arg-1]
	value := info.Types[arg].Value
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok && value == nil {
		if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() == b.pass.Pkg {
			value = b.constLocal(v)
		}
	}
	if value == nil || value.Kind() != constant.String {
		return false
	}
	v := constant.StringVal(value)
	switch api.ArgIs {
	case catalog.ArgPath:
		return v != "" && !device(v)
	case catalog.ArgPathWrite:
		return v != "" && !device(v) && api.Arg < len(c.Args) && writeFlags(info, c.Args[api.Arg])
	case catalog.ArgAddr:
		if api.Arg > 1 && unixNetwork(info, c.Args[0]) {
			return v != "" // a socket file's path
		}
		return fixedPort(v)
	}
	return false
}

// listens handles the call c to a catalog API that listens on an address
// that is no Unix socket. It reports whether the call listens on a fixed
// port; when the address may come from a parameter of the function, it
// records instead that the function listens on that parameter, with the
// fixed port it uses when given none.
func (w *walker) listens(c *ast.CallExpr, api *catalog.API) bool {
	src := w.b.listenAddr(c, api)
	if src.param == nil {
		return src.fixed != ""
	}
	w.onParam(c, src.param, catalog.Registers, api.Name, src.fixed)
	return false
}

// device reports whether a path names a device, such as os.DevNull, which
// every process may write at once.
func device(path string) bool {
	return strings.HasPrefix(path, "/dev/") || path == "NUL"
}

// writeFlags reports whether e is a constant set of os.OpenFile flags that
// creates or writes the file.
func writeFlags(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	flags, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && flags&int64(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_APPEND|os.O_TRUNC) != 0
}

// unixNetwork reports whether e is the constant name of a Unix-domain
// network, whose addresses are socket files.
func unixNetwork(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(tv.Value) {
	case "unix", "unixgram", "unixpacket":
		return true
	}
	return false
}

// registersArg records that the function registers one of its parameters
// when it passes it as the argument of a catalog API that names the
// registered value (sql.Register(name, d) in a helper given the name).
func (w *walker) registersArg(c *ast.CallExpr, api *catalog.API) {
	if api.Names == 0 || api.Names > len(c.Args) || c.Ellipsis.IsValid() {
		return
	}
	p := w.param(c.Args[api.Names-1])
	if p == nil {
		return
	}
	w.onParam(c, p, catalog.Registers, api.Name, "")
}

// registersOn records a call that registers on a registry or mux that is
// a parameter of the function: reg.MustRegister(c), promauto.With(reg),
// mux.Handle(p, h).
func (w *walker) registersOn(c *ast.CallExpr, api *catalog.API) {
	var on ast.Expr
	switch {
	case api.TArg == 0:
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		on = sel.X
	case api.TArg <= len(c.Args):
		on = c.Args[api.TArg-1]
	default:
		return
	}
	p := w.param(on)
	if p == nil {
		return
	}
	w.onParam(c, p, catalog.RegistersOn, api.Default, "")
}

// storeWrites records the parameters of the function that a store call
// writes: a model handed to a method that inserts it ((*gorm.DB).Create),
// or a value, or a field of one, bound to the arguments of an Exec whose
// constant text inserts. Each becomes a Persists site on the parameter.
func (w *walker) storeWrites(c *ast.CallExpr, fn *types.Func) {
	info := w.b.pass.TypesInfo
	var args []ast.Expr
	switch {
	case catalog.StoreWrite(fn.FullName()):
		args = c.Args
	case strings.HasPrefix(fn.Name(), "Exec") || strings.HasPrefix(fn.Name(), "MustExec") || strings.HasPrefix(fn.Name(), "NamedExec"):
		for i, a := range c.Args {
			tv, ok := info.Types[a]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				continue
			}
			if q := strings.ToUpper(strings.TrimSpace(constant.StringVal(tv.Value))); strings.HasPrefix(q, "INSERT") || strings.HasPrefix(q, "UPSERT") {
				args = c.Args[i+1:]
			}
			break
		}
	}
	seen := make(map[types.Object]bool)
	for _, a := range args {
		p := w.param(valueRoot(a))
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		w.onParam(c, p, catalog.Persists, fn.Pkg().Path(), "")
	}
}

// valueRoot returns the variable expression a value is taken from: u for
// &u, u.Email, *u or (u).
func valueRoot(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return x
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		default:
			return x
		}
	}
}

// createsArg records a call that creates the file or directory at a path
// the function was given, os.WriteFile(path, …), as the registration of
// that parameter: a caller that passes a fixed path creates it.
func (w *walker) createsArg(c *ast.CallExpr, api *catalog.API) {
	if !api.Creates || api.Arg > len(c.Args) || c.Ellipsis.IsValid() {
		return
	}
	if api.ArgIs == catalog.ArgPathWrite && (api.Arg >= len(c.Args) || !writeFlags(w.b.pass.TypesInfo, c.Args[api.Arg])) {
		return
	}
	p := w.param(c.Args[api.Arg-1])
	if p == nil {
		return
	}
	w.onParam(c, p, catalog.Registers, api.Name, "")
}

// onParam records the effect of kind at node n on the parameter p of the
// function being walked, which lift turns into the parameter's index.
func (w *walker) onParam(n ast.Node, p types.Object, kind catalog.Kind, what, key string) {
	w.f.direct = append(w.f.direct, Site{
		Node:   n,
		Effect: Effect{Kind: kind, What: what, Param: -1, Where: w.where(n), Key: key},
		T:      p,
	})
}

// param returns the parameter of the function being walked that e names.
func (w *walker) param(e ast.Expr) types.Object {
	obj := identObj(w.b.pass.TypesInfo, e)
	for _, p := range w.f.params {
		if obj != nil && types.Object(p) == obj {
			return obj
		}
	}
	return nil
}

// registers records `m[name] = v`, where m is a package-level map and
// name a parameter, when the function refuses a name m already holds
// (it looks the name up and panics or returns): a registry that a second
// registration of one name breaks.
func (w *walker) registers(stmt ast.Node, lhs ast.Expr) {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return
	}
	info := w.b.pass.TypesInfo
	if t := info.TypeOf(ix.X); t == nil {
		return
	} else if _, isMap := t.Underlying().(*types.Map); !isMap {
		return
	}
	v := WrittenVar(info, ix.X)
	p := w.param(ix.Index)
	if v == nil || !isPackageLevel(v) || p == nil || !w.refusesDuplicate(ix) {
		return
	}
	w.onParam(stmt, p, catalog.Registers, v.Pkg().Path()+"."+v.Name(), "")
}

// refusesDuplicate reports whether the function holding the write ix
// has an if statement that looks up the same map element and panics or
// returns in its body.
func (w *walker) refusesDuplicate(ix *ast.IndexExpr) bool {
	var body *ast.BlockStmt
	switch fn := w.f.node.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil {
		return false
	}
	info := w.b.pass.TypesInfo
	key := identObj(info, ix.Index)
	lookup := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if x, ok := n.(*ast.IndexExpr); ok && x != ix && identObj(info, x.Index) == key && types.ExprString(x.X) == types.ExprString(ix.X) {
				found = true
			}
			return !found
		})
		return found
	}
	refuses := func(b *ast.BlockStmt) bool {
		found := false
		ast.Inspect(b, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ReturnStmt:
				found = true
			case *ast.CallExpr:
				if b, ok := typeutil.Callee(info, n).(*types.Builtin); ok && b.Name() == "panic" {
					found = true
				}
			case *ast.FuncLit:
				return false
			}
			return !found
		})
		return found
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if (n.Init != nil && lookup(n.Init) || lookup(n.Cond)) && refuses(n.Body) {
				found = true
			}
		}
		return !found
	})
	return found
}

// envKey returns the name of the environment variable a call changes, when
// it is a constant.
func envKey(info *types.Info, api *catalog.API, c *ast.CallExpr) string {
	if api.Kind != catalog.Env && api.Isolates != catalog.Env {
		return ""
	}
	return envName(info, c, 1)
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

// write records an assignment to lhs when it writes package-level state;
// contents is true when the write changes what lhs holds (delete, clear).
func (w *walker) write(stmt ast.Node, lhs ast.Expr, contents bool) {
	info := w.b.pass.TypesInfo
	w.registers(stmt, lhs)
	v := WrittenVar(info, lhs)
	w.mutates(stmt, lhs, v, contents)
	if v != nil && w.aliases[v] != nil {
		if _, plain := ast.Unparen(lhs).(*ast.Ident); !plain {
			// A write through a local that refers to a package variable.
			v, contents = w.aliases[v], true
		}
	}
	if v == nil || !isPackageLevel(v) {
		return
	}
	if !contents && !through(info, lhs) {
		w.guard(stmt, v.Pkg().Path()+"."+v.Name())
	}
	if w.lazy || w.guarded(v) {
		return // lazy initialization: `if v == nil { v = … }` or sync.Once
	}
	if w.locked && v.Pkg() == w.b.pass.Pkg && (contents || through(info, lhs) || accumulates(stmt)) {
		// What the package adds to state its mutex guards (a cache, a
		// registry, a counter) is shared on purpose, and no race. Replacing the
		// variable itself under the lock is still a change every test
		// sees (caddy's tests reset dynamicHosts to an empty map); and
		// another package's variable is read there without that lock
		// (gock's Intercept sets http.DefaultTransport under its own
		// mutex).
		return
	}
	resets := w.resets(stmt, lhs, v)
	w.f.direct = append(w.f.direct, Site{
		Node: stmt,
		Effect: Effect{
			Kind:    catalog.GlobalVar,
			What:    v.Pkg().Path() + "." + v.Name(),
			Param:   -1,
			Where:   w.where(stmt),
			Through: contents || through(info, lhs),
			Resets:  resets,
		},
		Restores: w.f.restorer,
		Inexact:  w.f.restorer && !resets && !w.putsBack(stmt, lhs) && !w.b.fieldBaseline(lhs, assigned(stmt, lhs)),
		Final:    w.final(),
		PutsBack: !w.f.restorer && w.putsBackSaved(stmt, lhs, v),
		Same:     !w.f.restorer && !contents && lhsVar(info, lhs) != v && w.b.fieldBaseline(lhs, assigned(stmt, lhs)),
	})
}

// accumulates reports whether stmt adds to what a variable holds rather
// than replaces it: n++, n += d.
func accumulates(stmt ast.Node) bool {
	switch st := stmt.(type) {
	case *ast.IncDecStmt:
		return true
	case *ast.AssignStmt:
		return st.Tok != token.ASSIGN && st.Tok != token.DEFINE
	}
	return false
}

// assigned returns the value the assignment stmt gives lhs, or nil.
func assigned(stmt ast.Node, lhs ast.Expr) ast.Expr {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, l := range as.Lhs {
		if l == lhs {
			return as.Rhs[i]
		}
	}
	return nil
}

// resets reports whether the assignment stmt puts the variable v itself
// (not a field or element of it) back to its baseline: the value its
// package's initializers, or the init functions of the test package,
// give it. That changes nothing a later test could see, and undoes a
// change made before.
func (w *walker) resets(stmt ast.Node, lhs ast.Expr, v *types.Var) bool {
	rhs := assigned(stmt, lhs)
	if rhs == nil || lhsVar(w.b.pass.TypesInfo, lhs) != v {
		return false
	}
	return w.b.isBaseline(v, rhs)
}

// putsBackSaved reports whether the assignment stmt puts back into v
// the value a local saved from it earlier in the function: old := V …
// V = old.
func (w *walker) putsBackSaved(stmt ast.Node, lhs ast.Expr, v *types.Var) bool {
	rhs := assigned(stmt, lhs)
	if rhs == nil || lhsVar(w.b.pass.TypesInfo, lhs) != v {
		return false
	}
	obj := identObj(w.b.pass.TypesInfo, rhs)
	return obj != nil && w.saved[obj] == v
}

// putsBack reports whether a write that runs deferred or at cleanup puts
// back a value saved before the change: it assigns a variable (orig, or
// saved.Field), or deletes a map element in a branch, the other side of
// `if had { m[k] = orig } else { delete(m, k) }`, or deletes a constant
// key that the map's initializer does not set (a test adds a feature
// flag and deletes it at cleanup: the map is as the package made it).
func (w *walker) putsBack(stmt ast.Node, lhs ast.Expr) bool {
	if c, ok := stmt.(*ast.CallExpr); ok {
		if !isBuiltin(w.b.pass.TypesInfo, c, "delete") || len(c.Args) != 2 {
			return false
		}
		return w.inBranch() || w.b.notInitialKey(lhsVar(w.b.pass.TypesInfo, lhs), c.Args[1])
	}
	rhs := assigned(stmt, lhs)
	return rhs != nil && savedValue(w.b.pass.TypesInfo, rhs)
}

// savedValue reports whether e reads a variable, where a restore keeps
// the value it saved: orig, saved.Field, *p.
func savedValue(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if info.Selections[x] == nil {
			_, ok := info.Uses[x.Sel].(*types.Var)
			return ok
		}
		return info.Selections[x].Kind() == types.FieldVal && savedValue(info, x.X)
	case *ast.StarExpr:
		return savedValue(info, x.X)
	case *ast.TypeAssertExpr:
		return savedValue(info, x.X) // helpFlag.(*BoolFlag)
	case *ast.CallExpr:
		// A conversion of a saved value.
		return len(x.Args) == 1 && info.Types[x.Fun].IsType() && savedValue(info, x.Args[0])
	}
	return false
}

func isBuiltin(info *types.Info, c *ast.CallExpr, name string) bool {
	b, ok := typeutil.Callee(info, c).(*types.Builtin)
	return ok && b.Name() == name
}

// inBranch reports whether the node being walked is in an if or switch
// statement of its function.
func (w *walker) inBranch() bool {
	for _, n := range w.stack {
		switch n.(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return true
		}
	}
	return false
}

// final reports whether the node being walked is in a statement of a
// declared function's own body: not in a branch, a loop or a literal.
func (w *walker) final() bool {
	if _, decl := w.f.node.(*ast.FuncDecl); !decl || len(w.stack) < 2 {
		return false
	}
	switch w.stack[1].(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.IncDecStmt:
		return true
	}
	return false
}

// through reports whether an assignment to e writes memory the variable
// refers to (through a pointer, map or slice) rather than the variable's
// own storage, so that saving and restoring the variable would not undo it.
func through(info *types.Info, e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			s := info.Selections[x]
			if s == nil {
				return false // the qualified variable itself
			}
			if s.Indirect() {
				return true
			}
			if t := info.TypeOf(x.X); t != nil {
				if _, ok := t.Underlying().(*types.Pointer); ok {
					return true
				}
			}
			e = x.X
		case *ast.IndexExpr:
			t := info.TypeOf(x.X)
			if t == nil {
				return true
			}
			if _, ok := t.Underlying().(*types.Array); !ok {
				return true
			}
			e = x.X
		case *ast.StarExpr, *ast.TypeAssertExpr:
			return true
		default:
			return false
		}
	}
}

// guarded reports whether the current write sits in the body of an if
// statement whose condition tests v == nil: the shape of lazy
// initialization. In code that runs deferred or at cleanup the same shape
// is a reset, not an initialization.
func (w *walker) guarded(v *types.Var) bool {
	if w.f.restorer {
		return false
	}
	info := w.b.pass.TypesInfo
	for i := len(w.stack) - 1; i > 0; i-- {
		ifs, ok := w.stack[i-1].(*ast.IfStmt)
		if !ok || w.stack[i] != ifs.Body {
			continue
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.EQL {
				for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
					if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && info.Uses[id] == v && isNilOrZero(info, pair[1]) {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// isNilOrZero reports whether e is nil or a constant zero value.
// isNegative reports whether e is a constant number below zero.
func isNegative(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) < 0
	}
	return false
}

func isNilOrZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
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
		case *ast.TypeAssertExpr:
			e = x.X // HelpFlag.(*BoolFlag).set = false writes what HelpFlag holds
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

// TempDirName returns the name in filepath.Join(os.TempDir(), "name") (or
// path.Join), a single constant path element: a fixed name in the
// machine's temporary directory.
func TempDirName(info *types.Info, x ast.Expr) (string, bool) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return "", false
	}
	join, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || join.FullName() != "path/filepath.Join" && join.FullName() != "path.Join" {
		return "", false
	}
	temp, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok || len(temp.Args) != 0 {
		return "", false
	}
	if fn, ok := typeutil.Callee(info, temp).(*types.Func); !ok || fn.FullName() != "os.TempDir" {
		return "", false
	}
	tv, ok := info.Types[call.Args[1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	name := constant.StringVal(tv.Value)
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", false
	}
	return name, true
}

// notInitialKey reports whether key is a constant that the package-level
// map v does not hold as the package initializes it: v is declared in
// this package with a map literal of constant keys, none of them key, and
// no init function writes it.
func (b *builder) notInitialKey(v *types.Var, key ast.Expr) bool {
	info := b.pass.TypesInfo
	kv, ok := info.Types[key]
	if v == nil || !ok || kv.Value == nil || v.Pkg() != b.pass.Pkg || !isPackageLevel(v) {
		return false
	}
	var lit *ast.CompositeLit
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for i, name := range vs.Names {
						if info.Defs[name] == types.Object(v) && i < len(vs.Values) && len(vs.Names) == len(vs.Values) {
							lit, _ = ast.Unparen(vs.Values[i]).(*ast.CompositeLit)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Name.Name != "init" || d.Recv != nil || d.Body == nil {
					continue
				}
				written := false
				ast.Inspect(d.Body, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && info.Uses[id] == types.Object(v) {
						written = true // read or written: its keys are init's to say
					}
					return !written
				})
				if written {
					return false
				}
			}
		}
	}
	if lit == nil {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Map); !ok {
		return false
	}
	for _, elt := range lit.Elts {
		e, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		tv, ok := info.Types[e.Key]
		if !ok || tv.Value == nil {
			return false
		}
		if (tv.Value.Kind() == constant.String) != (kv.Value.Kind() == constant.String) || tv.Value.Kind() == constant.Bool || kv.Value.Kind() == constant.Bool {
			if tv.Value.ExactString() == kv.Value.ExactString() {
				return false
			}
			continue
		}
		if constant.Compare(tv.Value, token.EQL, kv.Value) {
			return false
		}
	}
	return true
}
