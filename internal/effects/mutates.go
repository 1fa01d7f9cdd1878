package effects

import (
	"go/ast"
	"go/types"

	"github.com/isolint/isolint/internal/catalog"
)

// mutates records a write, lhs in stmt, through memory that the variable
// v points to rather than to v itself (p.f = x, p.m[k] = x, *p = x,
// delete(p.m, k)): when v is a parameter or the receiver of the function,
// the write lands in its caller's value. A write under a mutex is shared
// on purpose.
func (w *walker) mutates(stmt ast.Node, lhs ast.Expr, v *types.Var, contents bool) {
	if v == nil || isPackageLevel(v) || w.locked || w.lazy {
		return
	}
	if !contents && !through(w.b.pass.TypesInfo, lhs) {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   stmt,
		Effect: Effect{Kind: catalog.Mutates, Param: -1, Where: w.where(stmt)},
		T:      v,
	})
}

// mutatedRoot returns the variable whose memory call c hands to the
// callee's parameter param (or receiver, for catalog.Receiver) that the
// callee writes through: the root of p, p.f or p.f.g.
func (b *builder) mutatedRoot(c call, param int) types.Object {
	if c.node == nil || c.ref {
		return nil
	}
	arg := MutatedArg(b.pass.TypesInfo, c.node, Effect{Kind: catalog.Mutates, Param: param})
	if arg == nil {
		return nil
	}
	if v := WrittenVar(b.pass.TypesInfo, arg); v != nil && !isPackageLevel(v) {
		return v
	}
	return nil
}

// MutatedArg returns the expression whose memory the Mutates effect e,
// reached at the call call, writes through: the receiver or the
// argument. Nil when there is none.
func MutatedArg(info *types.Info, call *ast.CallExpr, e Effect) ast.Expr {
	if e.Kind != catalog.Mutates {
		return nil
	}
	if e.Param == catalog.Receiver {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return nil
		}
		return sel.X
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && len(args) > 0 {
			args = args[1:]
		}
	}
	if e.Param >= 0 && e.Param < len(args) {
		return args[e.Param]
	}
	return nil
}
