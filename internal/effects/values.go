package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// A function value's effects happen where it is called, not where it is
// made: a literal, a named function passed as a value, and the function a
// call returns carry their effects to the function that holds them only as
// far as that function uses them.

// useMode says how a function value is used where it is made.
type useMode uint8

const (
	// useInvoked: it is called (directly, deferred, with go, by t.Run or
	// t.Cleanup, or by a function of this package that calls the
	// parameter it is passed for). Its effects are the holder's own.
	useInvoked useMode = iota
	// useHanded: it is handed to code that may call it (a router, a
	// callback of another package, a table of test cases). Its effects
	// are the holder's, marked Maybe.
	useHanded
	// useReturned: it is returned. Its effects are the holder's, marked
	// Returned: they happen where its caller calls the result.
	useReturned
	// useNone: it is dropped, kept in a local nothing uses, or assigned
	// to a package variable of function type (whose callers reach it).
	useNone
)

// rank orders the modes from the weakest use to the strongest.
func (m useMode) rank() int {
	switch m {
	case useInvoked:
		return 3
	case useHanded:
		return 2
	case useReturned:
		return 1
	}
	return 0
}

// use is how a function value is used: its mode and, for one handed to a
// function of this package, the function and the argument it is passed as,
// so that propagation can tell whether that function calls it.
type use struct {
	mode useMode
	to   *types.Func
	arg  int
}

func (u *use) upgrade(v use) {
	if v.mode.rank() > u.mode.rank() {
		*u = v
	}
}

// A holder is a function value a local variable holds: a literal, or the
// result of a call (index call in owner.calls).
type holder struct {
	lit   *function
	owner *function
	call  int
}

func (h holder) upgrade(u use) {
	if h.lit != nil {
		h.lit.use.upgrade(u)
	} else {
		h.owner.calls[h.call].result.upgrade(u)
	}
}

// values is what the walkers of one declaration share: which locals hold
// which function values, so that a use inside a nested literal counts.
type values struct {
	holds map[types.Object][]holder
}

func (w *walker) hold(local types.Object, h holder) {
	if w.values.holds == nil {
		w.values.holds = make(map[types.Object][]holder)
	}
	w.values.holds[local] = append(w.values.holds[local], h)
}

// useOf classifies how the value of expression n is used, given the nodes
// enclosing it (innermost last). When n is assigned to a local variable, the
// mode is useNone and local names the variable: its uses decide.
func (w *walker) useOf(n ast.Node, parents []ast.Node) (u use, local types.Object) {
	child := n
	for i := len(parents) - 1; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ParenExpr, *ast.CompositeLit, *ast.KeyValueExpr:
			child = p
			continue
		case *ast.IndexExpr:
			if p.X == child {
				child = p // FakeHandler(v)[0]()
				continue
			}
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				child = p
				continue
			}
		case *ast.CallExpr:
			if p.Fun == child {
				return use{mode: useInvoked}, nil
			}
			return w.handedTo(p, child), nil
		case *ast.ExprStmt:
			return use{mode: useNone}, nil
		case *ast.RangeStmt:
			if p.X == child && p.Tok == token.DEFINE && p.Value != nil {
				return w.assignedTo(p.Value) // for _, h := range handlers { h() }
			}
		case *ast.ReturnStmt:
			return use{mode: useReturned}, nil
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == child {
					return use{mode: useNone}, nil // written, not used
				}
			}
			if len(p.Lhs) == len(p.Rhs) {
				for j, r := range p.Rhs {
					if r == child {
						return w.assignedTo(p.Lhs[j])
					}
				}
			}
		case *ast.ValueSpec:
			if len(p.Names) == len(p.Values) {
				for j, r := range p.Values {
					if r == child {
						return w.assignedTo(p.Names[j])
					}
				}
			}
		}
		break
	}
	return use{mode: useHanded}, nil
}

// assignedTo classifies a function value assigned to lhs.
func (w *walker) assignedTo(lhs ast.Expr) (use, types.Object) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return use{mode: useHanded}, nil // a field, an element: anyone may call it
	}
	if id.Name == "_" {
		return use{mode: useNone}, nil
	}
	info := w.b.pass.TypesInfo
	obj := info.Defs[id]
	if obj == nil {
		obj = info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return use{mode: useHanded}, nil
	}
	if isPackageLevel(v) {
		if w.b.funcVar(v) {
			return use{mode: useNone}, nil // its callers reach it: see assignFunc
		}
		return use{mode: useHanded}, nil
	}
	return use{mode: useNone}, v
}

// handedTo classifies a function value passed as argument arg of call c.
func (w *walker) handedTo(c *ast.CallExpr, arg ast.Node) use {
	info := w.b.pass.TypesInfo
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return use{mode: useHanded}
	}
	switch fn.Pkg().Path() {
	case "testing", "testing/synctest":
		return use{mode: useInvoked} // t.Run, t.Cleanup, b.Loop, synctest.Test
	}
	switch fn.Origin().FullName() {
	case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues", "(*sync.WaitGroup).Go",
		"(*golang.org/x/sync/errgroup.Group).Go":
		return use{mode: useInvoked}
	}
	if fn.Pkg() == w.b.pass.Pkg && typeutil.StaticCallee(info, c) != nil {
		for j, a := range c.Args {
			if a == arg {
				return use{mode: useHanded, to: fn.Origin(), arg: j}
			}
		}
	}
	return use{mode: useHanded}
}

// used notes a use of a local variable that holds a function value.
func (w *walker) used(id *ast.Ident) {
	obj := w.b.pass.TypesInfo.Uses[id]
	hs := w.values.holds[obj]
	if len(hs) == 0 {
		return
	}
	u, local := w.useOf(id, w.stack[:len(w.stack)-1])
	for _, h := range hs {
		h.upgrade(u)
		if local != nil && local != obj {
			w.hold(local, h)
		}
	}
}

// calledParam notes a call of a variable, so that a function that calls a
// parameter it was given counts as calling what it is passed for it.
func (w *walker) calledParam(c *ast.CallExpr) {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := w.b.pass.TypesInfo.Uses[id].(*types.Var); ok && !isPackageLevel(v) {
		if w.f.called == nil {
			w.f.called = make(map[types.Object]bool)
		}
		w.f.called[v] = true
	}
}

// mode resolves a use: a value handed to a function of this package that
// calls the parameter it is passed for is invoked.
func (b *builder) mode(u use) useMode {
	if u.mode == useHanded && u.to != nil && b.callsParam(u.to, u.arg) {
		return useInvoked
	}
	return u.mode
}

// callsParam reports whether fn, of this package, calls its i-th parameter
// in its body or in a literal nested in it.
func (b *builder) callsParam(fn *types.Func, i int) bool {
	d := b.byObj[fn]
	if d == nil || i >= len(d.params) {
		return false
	}
	p := d.params[i]
	for _, f := range d.all() {
		if f.called[p] {
			return true
		}
	}
	return false
}

// funcVar reports whether v is a package variable of this package holding
// a function, whose calls reach every function assigned to it.
func (b *builder) funcVar(v *types.Var) bool {
	if v.Pkg() != b.pass.Pkg || !isPackageLevel(v) {
		return false
	}
	_, ok := v.Type().Underlying().(*types.Signature)
	return ok
}

// varFunc returns the summary-holder of a package function variable: a
// function whose body calls everything assigned to the variable.
func (b *builder) varFunc(v *types.Var) *function {
	if f := b.vars[v]; f != nil {
		return f
	}
	if b.vars == nil {
		b.vars = make(map[*types.Var]*function)
	}
	f := &function{variable: v}
	b.vars[v] = f
	b.varOrder = append(b.varOrder, f)
	return f
}

// assignFunc records what is assigned to a package function variable v:
// a literal (already walked as lit), a named function, or another such
// variable.
func (b *builder) assignFunc(v *types.Var, rhs ast.Expr, lit *function) {
	vf := b.varFunc(v)
	if lit != nil {
		vf.targets = append(vf.targets, lit)
		return
	}
	info := b.pass.TypesInfo
	var c call
	if fn := funcRef(info, rhs); fn != nil {
		c.callee = fn.Origin()
	} else if id := identOrSel(rhs); id != nil {
		if w, ok := info.Uses[id].(*types.Var); ok && w != v && isPackageLevel(w) {
			if _, isFunc := w.Type().Underlying().(*types.Signature); isFunc {
				c.via = w
			}
		}
	}
	if c.callee == nil && c.via == nil {
		return
	}
	for _, o := range vf.calls {
		if o.callee == c.callee && o.via == c.via {
			return // assigned again, as a reset often does
		}
	}
	vf.calls = append(vf.calls, c)
}

// identOrSel returns the identifier e names: x or pkg.x.
func identOrSel(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// assignFuncs records the functions an assignment statement stores in
// package function variables of this package; literals are recorded as
// they are walked.
func (w *walker) assignFuncs(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		id := identOrSel(lhs)
		if id == nil {
			continue
		}
		v, ok := w.b.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !w.b.funcVar(v) {
			continue
		}
		if _, isLit := ast.Unparen(as.Rhs[i]).(*ast.FuncLit); !isLit {
			w.b.assignFunc(v, as.Rhs[i], nil)
		}
	}
}

// litTarget returns the package function variable a literal is assigned
// to, given the nodes enclosing it.
func (w *walker) litTarget(lit *ast.FuncLit, parents []ast.Node) *types.Var {
	if len(parents) == 0 {
		return nil
	}
	as, ok := parents[len(parents)-1].(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, r := range as.Rhs {
		if ast.Unparen(r) != lit {
			continue
		}
		if id := identOrSel(as.Lhs[i]); id != nil {
			if v, ok := w.b.pass.TypesInfo.Uses[id].(*types.Var); ok && w.b.funcVar(v) {
				return v
			}
		}
	}
	return nil
}

// varInits records the functions package function variables are
// initialized with, walking the literals among them.
func (b *builder) varInits() {
	for v, decl := range PackageVars(b.pass) {
		if decl.Init == nil || !b.funcVar(v) {
			continue
		}
		lit, ok := ast.Unparen(decl.Init).(*ast.FuncLit)
		if !ok {
			b.assignFunc(v, decl.Init, nil)
			continue
		}
		f := &function{node: lit, inTest: decl.InTest}
		if sig, ok := b.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
			f.params = tupleVars(sig.Params())
		}
		b.funcs[lit] = f
		w := walker{b: b, f: f, values: &values{}}
		w.body(lit.Body)
		b.assignFunc(v, nil, f)
	}
}

// A reached function is one whose effects a declaration's summary holds,
// with how it is used.
type reached struct {
	f    *function
	mode useMode
}

// reach returns d and the literals nested in it that it uses, each with how
// it uses it; for a package function variable, the literals assigned to it.
func (b *builder) reach(d *function) []reached {
	out := []reached{{d, useInvoked}}
	var walk func(f *function, mode useMode, top bool)
	walk = func(f *function, mode useMode, top bool) {
		for _, l := range f.lits {
			m := b.mode(l.use)
			if m == useReturned && !top {
				m = useHanded // a literal returned by a literal: who calls it is unknown
			}
			switch mode {
			case useHanded:
				if m != useNone {
					m = useHanded
				}
			case useReturned:
				if m != useNone {
					m = useReturned
				}
			}
			if m == useNone {
				l.dead = true
				continue
			}
			out = append(out, reached{l, m})
			walk(l, m, false)
		}
	}
	walk(d, useInvoked, true)
	for _, t := range d.targets {
		out = append(out, reached{t, useInvoked})
		walk(t, useInvoked, false)
	}
	return out
}

// apply marks an effect reached in a function used with mode m.
func apply(e Effect, m useMode) Effect {
	switch m {
	case useHanded:
		e.Maybe = true
	case useReturned:
		e.Returned = true
	}
	return e
}

// viaCall returns the callee's effect ce as the call c has it, and false
// when the call does not have it: an effect of the function the callee
// returns counts as the call's result is used.
func (b *builder) viaCall(c call, ce Effect) (Effect, bool) {
	if ce.Returned {
		// Whether the callee restores it says nothing of the caller that
		// calls the result.
		ce.Restored = false
		m := b.mode(c.result)
		if c.ref {
			m = useHanded // a function value handed on: who calls its result is unknown
		}
		switch m {
		case useInvoked:
			ce.Returned = false
		case useHanded:
			ce.Returned, ce.Maybe = false, true
		case useNone:
			return ce, false
		}
	}
	if c.via != nil && c.node != nil {
		ce.Maybe = true // only if the variable holds that function then
	}
	switch b.mode(c.value) {
	case useHanded:
		ce.Maybe = true
	case useNone:
		return ce, false
	}
	if ce.Kind == catalog.Sleep && b.polls(c.loop) {
		ce.Polls = true // for !ready() { settle() }
	}
	return ce, true
}

// effectsOfCall returns the effects of what call c calls: a function, or
// every function assigned to a package function variable.
func (b *builder) effectsOfCall(c call) []Effect {
	es := b.calleeEffects(c)
	if !slices.ContainsFunc(es, func(e Effect) bool { return e.Kind == catalog.Dispatch }) {
		return es
	}
	if more := b.dispatched(c, es); len(more) > 0 {
		return append(slices.Clip(es), more...)
	}
	return es
}

// calleeEffects returns the summary of what call c calls.
func (b *builder) calleeEffects(c call) []Effect {
	if c.via == nil {
		return b.effectsOf(c.callee)
	}
	if f := b.vars[c.via]; f != nil {
		return f.summary.list
	}
	if c.via.Pkg() == b.pass.Pkg {
		return nil
	}
	if es, ok := b.importedVars[c.via]; ok {
		return es
	}
	var s Summary
	if c.via.Pkg() != nil && b.pass.ImportObjectFact(c.via, &s) {
		b.importedVars[c.via] = s.Effects
		return s.Effects
	}
	b.importedVars[c.via] = nil
	return nil
}

// calleeName names what call c calls, for chains.
func (c call) calleeName() string {
	if c.via != nil {
		return c.via.Name()
	}
	return c.callee.Name()
}

// target returns the object a call's effects are keyed by in callers.
func (c call) target() types.Object {
	if c.via != nil {
		return c.via
	}
	return c.callee
}

// singleton returns the package variable of this package that a call of a
// lazy singleton reads: `engine()` where `var engine = sync.OnceValue(…)`.
// What it returns is one value the whole process shares.
func (b *builder) singleton(c *ast.CallExpr) *types.Var {
	v, ok := typeutil.Callee(b.pass.TypesInfo, c).(*types.Var)
	if !ok || !isPackageLevel(v) {
		return nil
	}
	return b.singletonVar(v)
}

// singletonMethod records a call of a pointer method on what a lazy
// singleton returns, engine().GET(…), as a write through the singleton's
// variable: such a method is there to change the shared value.
func (w *walker) singletonMethod(c *ast.CallExpr, fn *types.Func) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || w.lazy || w.locked {
		return
	}
	if s := w.b.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return
	}
	if _, ptr := recv.Type().Underlying().(*types.Pointer); !ptr {
		return // a value method changes a copy; an interface's, who knows
	}
	root := w.aliasRoot(sel.X)
	if root == nil {
		w.accessor(c, sel.X)
		return
	}
	if w.b.singletonVar(root) == nil {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   c,
		Effect: Effect{Kind: catalog.GlobalVar, What: root.Pkg().Path() + "." + root.Name(), Param: -1, Where: w.where(c), Through: true},
	})
}

// singletonVar returns v when it is a lazy singleton of this package.
func (b *builder) singletonVar(v *types.Var) *types.Var {
	if v.Pkg() != b.pass.Pkg {
		return nil
	}
	init, ok := ast.Unparen(b.initializer(v)).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if fn, ok := typeutil.Callee(b.pass.TypesInfo, init).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "sync" {
		switch fn.Name() {
		case "OnceValue", "OnceValues":
			return v
		}
	}
	return nil
}

// An access is a call of a pointer method on what a function of this
// package returns, Default().Set(…): a write through the package variable
// the function returns, when it is an accessor. Accessors are known only
// once every body is walked.
type access struct {
	f     *function
	call  *ast.CallExpr
	fn    *types.Func
	where string
}

// accessor notes a pointer-method call whose receiver comes out of a call
// of a function of this package.
func (w *walker) accessor(c *ast.CallExpr, recv ast.Expr) {
	info := w.b.pass.TypesInfo
	for {
		switch x := ast.Unparen(recv).(type) {
		case *ast.SelectorExpr:
			recv = x.X
			continue
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					recv = sel.X // Default().Group(…).GET(…)
					continue
				}
			}
			fn := typeutil.StaticCallee(info, x)
			if fn == nil || fn.Pkg() != w.b.pass.Pkg || fn.Signature().Recv() != nil {
				return
			}
			w.b.accesses = append(w.b.accesses, access{f: w.f, call: c, fn: fn.Origin(), where: w.where(c)})
		}
		return
	}
}

// returned notes what a declared function returns, to tell accessors.
func (w *walker) returned(r *ast.ReturnStmt) {
	if w.f.obj == nil {
		return // a literal's return
	}
	var root *types.Var
	if len(r.Results) == 1 {
		if t := w.b.pass.TypesInfo.TypeOf(r.Results[0]); t != nil && refersToMemory(t) {
			root = w.aliasRoot(r.Results[0])
		}
	}
	if root == nil || w.f.returns != nil && w.f.returns != root {
		w.f.returnsOther = true
		return
	}
	w.f.returns = root
}

// resolveAccesses records each access through an accessor as a write
// through the variable it returns.
func (b *builder) resolveAccesses() {
	for _, a := range b.accesses {
		d := b.byObj[a.fn]
		if d == nil || d.returns == nil || d.returnsOther {
			continue
		}
		v := d.returns
		a.f.direct = append(a.f.direct, Site{
			Node:   a.call,
			Effect: Effect{Kind: catalog.GlobalVar, What: v.Pkg().Path() + "." + v.Name(), Param: -1, Where: a.where, Through: true},
		})
	}
}
