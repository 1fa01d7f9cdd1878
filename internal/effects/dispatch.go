package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// AnyMethod is the What of a Dispatch effect that stands for every method
// of the value: the function looks its methods up by reflection.
const AnyMethod = "*"

// derived is what a local variable was made from, for following a
// dynamic call back to the parameter it dispatches on.
type derived struct {
	from    types.Object
	reflect bool // reflect.ValueOf(from) or reflect.TypeOf(from), not a type assertion
}

// derive notes locals made from another value in a way that keeps its
// dynamic type: `s, ok := x.(Setupper)`, `xv := reflect.ValueOf(x)`,
// `xt := reflect.TypeOf(x)`.
func (w *walker) derive(as *ast.AssignStmt) {
	if as.Tok != token.DEFINE || len(as.Rhs) != 1 && len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := w.b.pass.TypesInfo
	for i, lhs := range as.Lhs {
		rhs := as.Rhs[0]
		if len(as.Rhs) > 1 {
			rhs = as.Rhs[i]
		} else if i > 0 {
			break // v, ok := x.(I): only v holds the value
		}
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		local := info.Defs[id]
		if local == nil {
			continue
		}
		if d, ok := w.b.deriveFrom(rhs); ok {
			if w.b.derived == nil {
				w.b.derived = make(map[types.Object]derived)
			}
			w.b.derived[local] = d
		}
	}
}

// deriveFrom returns what e is made from when it keeps that value's
// dynamic type.
func (b *builder) deriveFrom(e ast.Expr) (derived, bool) {
	info := b.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		// x.Type, not x: a comma-ok assertion's type is a tuple.
		if obj := identObj(info, x.X); obj != nil && x.Type != nil && types.IsInterface(info.TypeOf(x.Type)) {
			return derived{from: obj}, true
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || len(x.Args) != 1 {
			return derived{}, false
		}
		switch fn.FullName() {
		case "reflect.ValueOf", "reflect.TypeOf":
			if obj := identObj(info, x.Args[0]); obj != nil {
				return derived{from: obj, reflect: true}, true
			}
		}
	}
	return derived{}, false
}

// reflectLookups are the methods of package reflect that find a value's
// methods, to call them.
var reflectLookups = []string{
	"(reflect.Value).Method", "(reflect.Value).MethodByName", "(reflect.Value).NumMethod",
	"(reflect.Type).Method", "(reflect.Type).MethodByName", "(reflect.Type).NumMethod",
}

// dispatch records a call that calls a method of a value without naming
// it statically: a method of an interface called on the value (or on a
// type assertion of it), or a reflective lookup of its methods
// (reflect.ValueOf(x).MethodByName(n), xt.Method(i) where xt :=
// reflect.TypeOf(x)). The site's T is the value, so that the effect
// lifts to the parameter that holds it.
func (w *walker) dispatch(c *ast.CallExpr, fn *types.Func) {
	info := w.b.pass.TypesInfo
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return
	}
	what, refl := fn.Name(), slices.Contains(reflectLookups, fn.FullName())
	switch {
	case refl:
		what = AnyMethod
	case !types.IsInterface(s.Recv()) || catalog.TestingValue(s.Recv()):
		return
	case fn.Pkg() != nil && fn.Pkg().Path() == "reflect":
		return // reflect.Type's own methods
	}
	var v types.Object
	if refl {
		if d, ok := w.b.deriveFrom(sel.X); ok && d.reflect {
			v = d.from
		} else {
			v = identObj(info, sel.X)
		}
	} else if d, ok := w.b.deriveFrom(sel.X); ok && !d.reflect {
		v = d.from
	} else {
		v = identObj(info, sel.X)
	}
	v = w.b.dispatchRoot(v, refl)
	if v == nil {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   c,
		Effect: Effect{Kind: catalog.Dispatch, What: what, Param: -1, Where: w.where(c)},
		T:      v,
	})
}

// dispatchRoot follows a local made from another value back to it: to a
// type assertion's operand, and for a reflective lookup also to the value
// reflect.ValueOf or reflect.TypeOf was given.
func (b *builder) dispatchRoot(v types.Object, refl bool) types.Object {
	for range 4 { // locals made from locals, without cycles to fear
		d, ok := b.derived[v]
		if !ok || d.reflect && !refl {
			return v
		}
		v = d.from
	}
	return v
}

// dispatched returns the effects that call c reaches by calling methods
// of the values it passes dynamically: for each Dispatch effect of the
// callee in es on a parameter for which c passes a value of a concrete
// type, the effects of that type's methods (all of them for a reflective
// lookup, the named one for an interface call) that keep a test from
// running in parallel. They are Maybe: which methods run, and when, is
// the callee's business. Each chain starts with the method.
func (b *builder) dispatched(c call, es []Effect) []Effect {
	var out []Effect
	for _, ce := range es {
		if ce.Kind != catalog.Dispatch || ce.Param < 0 || ce.Param >= len(c.args) {
			continue
		}
		t := b.pass.TypesInfo.TypeOf(c.args[ce.Param])
		if !concreteReceiver(t) {
			continue
		}
		ms := b.methodSets.MethodSet(t)
		for i := range ms.Len() {
			m, ok := ms.At(i).Obj().(*types.Func)
			if !ok || ce.What != AnyMethod && m.Name() != ce.What {
				continue
			}
			for _, me := range b.effectsOf(m.Origin()) {
				info := catalog.Of(me.Kind)
				if !info.BlocksParallel || info.OnT || info.ByParam || me.Returned {
					continue
				}
				e := me
				e.Maybe, e.Param = true, -1
				e.Chain = append([]string{m.Name()}, me.Chain[:min(len(me.Chain), maxChain-1)]...)
				if !slices.ContainsFunc(out, func(o Effect) bool { return o.key() == e.key() }) {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// concreteReceiver reports whether t is a type whose methods a dynamic
// call on a value of it reaches: not an interface or type parameter
// (whose dynamic type is not known here), not a testing value, and not a
// reflect.Value or reflect.Type (which stands for another value).
func concreteReceiver(t types.Type) bool {
	if t == nil || types.IsInterface(t) || catalog.TestingValue(t) {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	n := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		n = p.Elem()
	}
	if named, ok := types.Unalias(n).(*types.Named); ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "reflect" {
		return false
	}
	return true
}

// dispatchTargets returns the methods of this package that call c may
// reach dynamically: those of the concrete types of the values it passes
// for parameters of interface type. The callers of such a method are
// summarized again when its summary grows.
func (b *builder) dispatchTargets(c call) []*types.Func {
	if c.ref || c.callee == nil || len(c.args) == 0 {
		return nil
	}
	sig := c.callee.Signature()
	var out []*types.Func
	for i, a := range c.args {
		if !dynamicParam(sig, i) {
			continue
		}
		t := b.pass.TypesInfo.TypeOf(a)
		if !concreteReceiver(t) {
			continue
		}
		ms := b.methodSets.MethodSet(t)
		for j := range ms.Len() {
			if m, ok := ms.At(j).Obj().(*types.Func); ok && b.byObj[m.Origin()] != nil {
				out = append(out, m.Origin())
			}
		}
	}
	return out
}

// dynamicParam reports whether the i-th argument of a call of a function
// of signature sig is received as an interface or a type parameter: a
// value whose methods the function can only call dynamically.
func dynamicParam(sig *types.Signature, i int) bool {
	ps := sig.Params()
	if ps.Len() == 0 {
		return false
	}
	var t types.Type
	switch {
	case i < ps.Len()-1 || !sig.Variadic() && i < ps.Len():
		t = ps.At(i).Type()
	case sig.Variadic():
		s, ok := ps.At(ps.Len() - 1).Type().(*types.Slice)
		if !ok {
			return false
		}
		t = s.Elem()
	default:
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	return types.IsInterface(t)
}
