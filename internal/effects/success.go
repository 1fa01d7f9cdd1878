package effects

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
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

// changesState reports whether an effect of kind k is a change of
// process-wide state that a test may leave behind, the only kind for
// which OnSuccess is tracked.
func changesState(k catalog.Kind) bool {
	switch k {
	case catalog.Env, catalog.Cwd, catalog.GlobalVar, catalog.Setter:
		return true
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

// fieldSwap returns, for the write node to a package variable in the
// body of the method d, the field of d's receiver that a statement of
// that body before it saves the variable in (savedIn), or the field whose
// value the write puts back (from), with ifNoError when it does so only on
// the paths on which d returns a nil error.
func (b *builder) fieldSwap(d *function, node ast.Node) (savedIn, from string, ifNoError bool) {
	fd, ok := d.node.(*ast.FuncDecl)
	if !ok || fd.Body == nil || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || hasLabel(fd.Body) {
		return "", "", false
	}
	info := b.pass.TypesInfo
	recv, _ := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	as, ok := node.(*ast.AssignStmt)
	if recv == nil || !ok || as.Tok != token.ASSIGN {
		return "", "", false
	}
	var v *types.Var
	var rhs ast.Expr
	for i, l := range as.Lhs {
		if w := lhsVar(info, l); w != nil && isPackageLevel(w) {
			v = w
			if len(as.Lhs) == len(as.Rhs) {
				rhs = as.Rhs[i]
			}
		}
	}
	if v == nil {
		return "", "", false
	}
	// field names the field of the receiver that e selects.
	field := func(e ast.Expr) string {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != recv {
			return ""
		}
		fv, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || !fv.IsField() {
			return ""
		}
		named := namedOf(recv.Type())
		if named == nil || named.Obj().Pkg() == nil {
			return ""
		}
		return named.Obj().Pkg().Path() + "." + named.Obj().Name() + "." + fv.Name()
	}
	for j, st := range fd.Body.List {
		if node.Pos() < st.Pos() || node.End() > st.End() {
			continue
		}
		// A save: recv.f = V in a statement before.
		for _, prev := range fd.Body.List[:j] {
			pa, ok := prev.(*ast.AssignStmt)
			if !ok || pa.Tok != token.ASSIGN || len(pa.Lhs) != len(pa.Rhs) {
				continue
			}
			for i, l := range pa.Lhs {
				if f := field(l); f != "" && lhsVar(info, pa.Rhs[i]) == v && isPlainVar(pa.Rhs[i]) {
					savedIn = f
				}
			}
		}
		// A put back: V = recv.f, this very statement.
		if st == ast.Stmt(as) && rhs != nil {
			if f := field(rhs); f != "" {
				from = f
				for _, prev := range fd.Body.List[:j] {
					ast.Inspect(prev, func(m ast.Node) bool {
						switch m := m.(type) {
						case *ast.FuncLit:
							return false
						case *ast.ReturnStmt:
							if !returnsError(d.obj) || len(m.Results) == 0 || !b.nonNilError(m.Results[len(m.Results)-1]) {
								from = ""
							}
							ifNoError = true
						}
						return from != ""
					})
				}
			}
		}
		return savedIn, from, ifNoError && from != ""
	}
	return "", "", false
}

// nonNilError reports whether e is an error that is never nil: a call of
// errors.New or fmt.Errorf, or a package-level variable (a sentinel).
func (b *builder) nonNilError(e ast.Expr) bool {
	info := b.pass.TypesInfo
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		return ok && (fn.FullName() == "errors.New" || fn.FullName() == "fmt.Errorf")
	}
	v := lhsVar(info, e)
	return v != nil && isPackageLevel(v) && isPlainVar(e)
}

// isPlainVar reports whether e names a variable itself: V or pkg.V.
func isPlainVar(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		_, ok := ast.Unparen(x.X).(*ast.Ident)
		return ok
	}
	return false
}

// namedOf returns the named type of t or of what t points to.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
