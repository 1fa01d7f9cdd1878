package effects

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// registersOnly reports whether d, a declared function, uses its
// parameter p only to register on it: as the registry or mux of a
// catalog call that registers (reg.MustRegister(c), promauto.With(reg),
// mux.Handle(p, h)), as the argument of a function that registers on its
// own parameter and does nothing else with it, or in a comparison with
// nil. A function that keeps the registry (in a package variable, a
// field, a result) or hands it anywhere else may have it read later, by
// code that expects the default: a caller that passes the default does
// not register on it only.
//
// It depends on the summaries of d's callees in the package, which only
// grow: a use it refuses now may pass later, and then d is summarized
// again.
func (b *builder) registersOnly(d *function, p types.Object) bool {
	fd, ok := d.node.(*ast.FuncDecl)
	if !ok || fd.Body == nil || p == nil {
		return false
	}
	info := b.pass.TypesInfo
	only := true
	ast.PreorderStack(fd.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == p {
			only = len(stack) > 0 && b.registrationUse(id, stack)
		}
		return only
	})
	return only
}

// registrationUse reports whether the use id of a registry parameter,
// with stack the nodes above it, registers on it or compares it with nil.
func (b *builder) registrationUse(id *ast.Ident, stack []ast.Node) bool {
	info := b.pass.TypesInfo
	switch parent := stack[len(stack)-1].(type) {
	case *ast.SelectorExpr:
		if parent.X != id || len(stack) < 2 {
			return false
		}
		c, ok := stack[len(stack)-2].(*ast.CallExpr)
		if !ok || c.Fun != parent {
			return false
		}
		api, ok := catalog.Lookup(calleeName(info, c))
		return ok && api.Kind == catalog.RegistersOn && api.TArg == 0
	case *ast.CallExpr:
		i := argIndex(parent, id)
		if i < 0 || parent.Ellipsis.IsValid() {
			return false
		}
		if api, ok := catalog.Lookup(calleeName(info, parent)); ok {
			return api.Kind == catalog.RegistersOn && api.TArg == i+1
		}
		if sel, ok := ast.Unparen(parent.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				return false
			}
		}
		fn := typeutil.StaticCallee(info, parent)
		if fn == nil {
			return false
		}
		for _, e := range b.effectsOf(fn.Origin()) {
			if e.Kind == catalog.RegistersOn && e.Param == i && !e.Maybe && !e.Returned {
				return true
			}
		}
	case *ast.BinaryExpr:
		if parent.Op != token.EQL && parent.Op != token.NEQ {
			return false
		}
		other := parent.X
		if other == id {
			other = parent.Y
		}
		tv, ok := info.Types[other]
		return ok && tv.IsNil()
	}
	return false
}

// calleeName returns the full name of the function or method c calls;
// "" when it calls no declared function.
func calleeName(info *types.Info, c *ast.CallExpr) string {
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	if !ok {
		return ""
	}
	return fn.Origin().FullName()
}

// argIndex returns the index of id among c's arguments, or -1.
func argIndex(c *ast.CallExpr, id *ast.Ident) int {
	for i, a := range c.Args {
		if a == id {
			return i
		}
	}
	return -1
}
