package effects

import (
	"go/ast"
	"go/types"
)

// successOnly reports whether node, in the body of the declared function
// d, runs only on paths on which d returns a nil error: d's last result
// is an error, node is in a plain statement of d's own body (an
// expression, assignment or declaration, not nested in a branch or loop),
// and every return after that statement returns nil for the error. A
// body with a label is not judged: a jump could come back.
func (b *builder) successOnly(d *function, node ast.Node) bool {
	body := d.body()
	if body == nil || node == nil || !returnsError(d.obj) || hasLabel(body) {
		return false
	}
	for i, st := range body.List {
		if node.Pos() < st.Pos() || node.End() > st.End() {
			continue
		}
		switch st.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt:
		default:
			return false
		}
		if containsReturn(st) {
			return false
		}
		n := d.obj.Signature().Results().Len()
		nilAfter := true
		for _, later := range body.List[i+1:] {
			ast.Inspect(later, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(m.Results) != n || !b.isNil(m.Results[n-1]) {
						nilAfter = false
					}
				}
				return nilAfter
			})
		}
		return nilAfter
	}
	return false
}

// forwards reports whether the call is the whole of a return statement
// of the declared function d, which returns an error last: d returns
// exactly what the callee returns (return redirect(l, level)).
func (b *builder) forwards(d *function, call *ast.CallExpr) bool {
	body := d.body()
	if body == nil || !returnsError(d.obj) {
		return false
	}
	found := false
	ast.Inspect(body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(m.Results) == 1 && ast.Unparen(m.Results[0]) == call {
				found = true
			}
		}
		return !found
	})
	return found
}

func (d *function) body() *ast.BlockStmt {
	if fd, ok := d.node.(*ast.FuncDecl); ok {
		return fd.Body
	}
	return nil
}

// returnsError reports whether fn's last result is of type error.
func returnsError(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	res := fn.Signature().Results()
	return res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

func (b *builder) isNil(e ast.Expr) bool {
	tv, ok := b.pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}

// containsReturn reports whether n has a return statement outside the
// function literals in it.
func containsReturn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

func hasLabel(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(m ast.Node) bool {
		if _, ok := m.(*ast.LabeledStmt); ok {
			found = true
		}
		return !found
	})
	return found
}
