package parallel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
)

// mutatesShared reports whether the subtest lit writes, itself or through
// what it calls, through a pointer that it reaches from v, a variable of
// its loop, and that the loop's other iterations share: a field of the
// table's rows that every row fills with one object of the parent
// (`cmd: cmd`), on which it calls a method that writes through its
// receiver (cmd.UsageString()). Subtests running at once would race on
// that object.
func (c *checker) mutatesShared(lit *ast.FuncLit, v *types.Var, loops []ast.Node, root ast.Node) bool {
	shared := false
	c.eff.Walk(lit, func(s effects.Site) bool {
		if s.Effect.Kind != catalog.Mutates || s.T != types.Object(v) {
			return true
		}
		e := c.mutatedExpr(s, v)
		if e == nil {
			shared = true
			return false
		}
		shared = c.sharedThrough(e, v, loops, root, 0)
		return !shared
	})
	return shared
}

// mutatedExpr returns the expression, rooted at v, through which the site
// s writes: the receiver or argument of a call, or the left-hand side of
// an assignment.
func (c *checker) mutatedExpr(s effects.Site, v *types.Var) ast.Expr {
	info := c.pass.TypesInfo
	switch n := s.Node.(type) {
	case *ast.CallExpr:
		if s.Callee != nil {
			return effects.MutatedArg(info, n, s.Effect)
		}
		if len(n.Args) > 0 { // delete, clear
			return n.Args[0]
		}
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if effects.WrittenVar(info, lhs) == v {
				return lhs
			}
		}
	case *ast.IncDecStmt:
		return n.X
	}
	return nil
}

// sharedThrough reports whether the memory that e, rooted at v, points to
// may be shared between iterations of the loops: v is the value of a
// range over a table whose rows, along e's path of fields, hold something
// else than a value made afresh for the row (a composite literal, its
// address, a call), or v is declared in the loop's body from such a
// path, or the rows are not in sight.
func (c *checker) sharedThrough(e ast.Expr, v *types.Var, loops []ast.Node, root ast.Node, depth int) bool {
	if depth > 3 {
		return true
	}
	path, ok := fieldPath(c.pass.TypesInfo, e, v)
	if !ok {
		return true
	}
	for _, loop := range loops {
		if rs, ok := loop.(*ast.RangeStmt); ok && rs.Tok == token.DEFINE && isIdentOf(c.pass.TypesInfo, rs.Value, v) {
			rows, ok := c.tableRows(rs.X, root)
			if !ok {
				return true
			}
			for _, row := range rows {
				if !freshAlong(c.pass.TypesInfo, row, path) {
					return true
				}
			}
			return false
		}
		if body := loopBody(loop); body.Pos() <= v.Pos() && v.Pos() < body.End() {
			init := c.initializer(body, v)
			if init == nil {
				return true
			}
			if fresh(init) {
				return false
			}
			from := effects.WrittenVar(c.pass.TypesInfo, init)
			if from == nil {
				return true
			}
			// v := tt.cmd: the path continues from what v was made of.
			return c.sharedThrough(joinPath(init, e), from, loops, root, depth+1)
		}
	}
	return true
}

// joinPath returns e with its root v replaced by init, for following a
// local made from a field path: v.f with v := tt.cmd is tt.cmd.f. Only
// the fields matter, so the result is rebuilt from selectors.
func joinPath(init, e ast.Expr) ast.Expr {
	var names []*ast.Ident
	for sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok; sel, ok = ast.Unparen(e).(*ast.SelectorExpr) {
		names = append(names, sel.Sel)
		e = sel.X
	}
	out := init
	for i := len(names) - 1; i >= 0; i-- {
		out = &ast.SelectorExpr{X: out, Sel: names[i]}
	}
	return out
}

// fieldPath returns the names of the fields by which e reaches into v:
// tt.args.cmd is [args cmd]. It fails on anything but fields (an index,
// a dereference of something else, a call).
func fieldPath(info *types.Info, e ast.Expr, v *types.Var) ([]string, bool) {
	var rev []string
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			rev = append(rev, x.Sel.Name)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			// p.m[k] = x writes the map; an element further in may be
			// shared by rows whose maps differ.
			if len(rev) > 0 {
				return nil, false
			}
			e = x.X
		case *ast.Ident:
			if !isIdentOf(info, x, v) {
				return nil, false
			}
			path := make([]string, len(rev))
			for i, n := range rev {
				path[len(rev)-1-i] = n
			}
			return path, true
		default:
			return nil, false
		}
	}
}

func isIdentOf(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.Defs[id]
	if obj == nil {
		obj = info.Uses[id]
	}
	return obj == types.Object(v)
}

// tableRows returns the rows of the table a loop ranges over: the
// elements of a composite literal, given in place or as the only value
// ever given to a local variable.
func (c *checker) tableRows(x ast.Expr, root ast.Node) ([]ast.Expr, bool) {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || writes(c.pass.TypesInfo, root, v) {
			return nil, false
		}
		init := c.initializer(root, v)
		if init == nil {
			return nil, false
		}
		x = ast.Unparen(init)
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	rows := make([]ast.Expr, 0, len(lit.Elts))
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		rows = append(rows, el)
	}
	return rows, true
}

// initializer returns the value with which v is declared in n.
func (c *checker) initializer(n ast.Node, v *types.Var) ast.Expr {
	info := c.pass.TypesInfo
	var init ast.Expr
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && info.Defs[id] == types.Object(v) {
						init = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if info.Defs[id] == types.Object(v) {
						init = n.Values[i]
					}
				}
			}
		}
		return init == nil
	})
	return init
}

// freshAlong reports whether the value a row gives along path is made
// afresh for the row: the path ends in, or passes through, a composite
// literal's address, a call or nil; a field the row leaves out is zero.
func freshAlong(info *types.Info, row ast.Expr, path []string) bool {
	x := row
	for _, name := range path {
		if _, ok := ast.Unparen(x).(*ast.CompositeLit); !ok && fresh(x) {
			return true
		}
		lit, ok := ast.Unparen(x).(*ast.CompositeLit)
		if !ok {
			return false
		}
		x = fieldValue(info, lit, name)
		if x == nil {
			return true // left out: the zero value, shared by no one
		}
	}
	return fresh(x)
}

// fresh reports whether e makes a new value each time it is evaluated.
func fresh(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true // a new map, slice or struct value
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && ok
	case *ast.CallExpr:
		return true
	case *ast.Ident:
		return x.Name == "nil"
	}
	return false
}

// fieldValue returns the value a struct literal gives the field name, or
// nil when it leaves it out.
func fieldValue(info *types.Info, lit *ast.CompositeLit, name string) ast.Expr {
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return el
		}
	}
	return nil
}
