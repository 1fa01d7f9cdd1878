package parallel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/tests"
)

// A loopVar is a loop variable that a subtest captures.
type loopVar struct {
	v    *types.Var
	body *ast.BlockStmt // the body of its loop
}

type loopVars []loopVar

// byLoop groups the variables' names by the body of their loop.
func (ls loopVars) byLoop() map[*ast.BlockStmt][]string {
	m := make(map[*ast.BlockStmt][]string)
	for _, l := range ls {
		m[l.body] = append(m[l.body], l.v.Name())
	}
	return m
}

func (ls loopVars) names() []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.v.Name())
	}
	return out
}

// subtestIsolated reports whether running the subtest lit in parallel
// cannot change what it or its parent observes, and returns the loop
// variables it captures.
func (c *checker) subtestIsolated(t *tests.Test, lit *ast.FuncLit) (loopVars, bool) {
	path, _ := astutil.PathEnclosingInterval(t.File, t.Run.Pos(), t.Run.End())
	if len(path) < 2 || path[0] != ast.Node(t.Run) {
		return nil, false
	}
	if _, ok := path[1].(*ast.ExprStmt); !ok {
		return nil, false // the parent uses what Run returns
	}
	var loops []ast.Node // RangeStmt and ForStmt around the Run call, innermost first
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			if n != t.Parent.Func || defers(funcBody(n)) {
				return nil, false
			}
			return c.captures(t, lit, loops)
		case *ast.BlockStmt:
			if !c.onlyRunsAfter(n.List, path[i-1], t.Parent.T) {
				return nil, false
			}
		case *ast.CaseClause:
			if !c.onlyRunsAfter(n.Body, path[i-1], t.Parent.T) {
				return nil, false
			}
		case *ast.CommClause:
			if !c.onlyRunsAfter(n.Body, path[i-1], t.Parent.T) {
				return nil, false
			}
		case *ast.RangeStmt, *ast.ForStmt:
			loops = append(loops, n)
		}
	}
	return nil, false
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncLit:
		return n.Body
	case *ast.FuncDecl:
		return n.Body
	}
	return nil
}

// defers reports whether body defers a call, outside nested functions:
// deferred calls run when the parent's function returns, which is before
// its parallel subtests run.
func defers(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.DeferStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// onlyRunsAfter reports whether every statement of list after child starts
// more subtests and does nothing else that could depend on them.
func (c *checker) onlyRunsAfter(list []ast.Stmt, child ast.Node, parentT *types.Var) bool {
	i := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == child })
	if i < 0 {
		return false
	}
	for _, s := range list[i+1:] {
		if !c.onlyRuns(s, parentT) {
			return false
		}
	}
	return true
}

// onlyRuns reports whether s starts subtests of parentT and does nothing
// else but declare variables for them.
func (c *checker) onlyRuns(s ast.Stmt, parentT *types.Var) bool {
	switch s := s.(type) {
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Run" {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == types.Object(parentT)
	case *ast.AssignStmt:
		return s.Tok == token.DEFINE
	case *ast.DeclStmt, *ast.EmptyStmt:
		return true
	case *ast.BlockStmt:
		return c.allRun(s.List, parentT)
	case *ast.RangeStmt:
		return c.allRun(s.Body.List, parentT)
	case *ast.ForStmt:
		return c.allRun(s.Body.List, parentT)
	case *ast.IfStmt:
		if !c.allRun(s.Body.List, parentT) {
			return false
		}
		return s.Else == nil || c.onlyRuns(s.Else, parentT)
	}
	return false
}

func (c *checker) allRun(list []ast.Stmt, parentT *types.Var) bool {
	for _, s := range list {
		if !c.onlyRuns(s, parentT) {
			return false
		}
	}
	return true
}

// captures checks the variables the subtest closure shares with its
// enclosing functions: its own loop variables and variables that are
// declared afresh in each iteration are private to it; anything else must
// be plain data that no one changes.
func (c *checker) captures(t *tests.Test, lit *ast.FuncLit, loops []ast.Node) (loopVars, bool) {
	info := c.pass.TypesInfo
	root := t.Root()
	var copies loopVars
	seen := make(map[*types.Var]bool)
	ok := true
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID || !ok {
			return ok
		}
		v, isVar := info.Uses[id].(*types.Var)
		if !isVar || v.IsField() || seen[v] || (lit.Pos() <= v.Pos() && v.Pos() < lit.End()) {
			return true
		}
		seen[v] = true
		if v.Pkg() != nil && v.Pkg().Scope().Lookup(v.Name()) == types.Object(v) {
			return true // package variables are the effects engine's business
		}
		if isTestingValue(v.Type()) || writes(info, lit.Body, v) {
			ok = false
			return false
		}
		for _, loop := range loops {
			body := loopBody(loop)
			if isLoopVar(info, loop, v) {
				if writes(info, body, v) || c.mutatesShared(lit, v, loops, root.Func) || !c.tableFuncsIsolated(lit, v, root.Func) || tableHoldsT(info, v, root.Func) {
					ok = false
					return false
				}
				copies = append(copies, loopVar{v: v, body: body})
				return true
			}
			if body.Pos() <= v.Pos() && v.Pos() < body.End() {
				// Declared afresh in each iteration: private unless changed,
				// or made from what the iterations share.
				if writes(info, body, v) || c.mutatesShared(lit, v, loops, root.Func) {
					ok = false
				}
				return ok
			}
		}
		if !plain(v.Type(), 0) || writes(info, root.Func, v) {
			ok = false
		}
		return ok
	})
	return copies, ok
}

// tableFuncsIsolated reports whether every function the subtest lit calls
// through a field of its loop variable v (tt.setup(t) in a table test) is
// one the test's tables give that field, a function literal or a named
// function, and none of them does what holds a test back (t.Setenv, a
// write to package state, a wait by the clock). A field set to anything
// else, or in an element without keys, is code the engine does not
// follow there.
func (c *checker) tableFuncsIsolated(lit *ast.FuncLit, v *types.Var, root ast.Node) bool {
	fields := calledFields(c.pass.TypesInfo, lit, v)
	if len(fields) == 0 {
		return true
	}
	funcs, ok := c.tableFuncs(v, fields, root)
	if !ok {
		return false
	}
	for _, f := range funcs {
		if f.lit != nil && len(c.blockers(&tests.Test{Func: f.lit, Body: f.lit.Body})) > 0 ||
			f.named != nil && (len(c.namedBlockers(f)) > 0 || c.mutatesArgs(f.named)) {
			return false
		}
	}
	return true
}

// mutatesArgs reports whether calling fn writes through a pointer it
// receives other than a testing value: the subtest calls it through its
// table with arguments the engine does not see, which the iterations of
// its loop may share.
func (c *checker) mutatesArgs(fn *types.Func) bool {
	sig := fn.Signature()
	for _, e := range c.eff.Summary(fn) {
		if e.Kind != catalog.Mutates {
			continue
		}
		if e.Param >= 0 && e.Param < sig.Params().Len() && isTestingValue(sig.Params().At(e.Param).Type()) {
			continue
		}
		return true
	}
	return false
}

// calledFields returns the fields of v that lit calls: setup for
// tt.setup(t).
func calledFields(info *types.Info, lit *ast.FuncLit, v *types.Var) map[string]bool {
	fields := make(map[string]bool)
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == types.Object(v) {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				fields[sel.Sel.Name] = true
			}
		}
		return true
	})
	return fields
}

// A tableFunc is a function a test's table gives a field of its rows: a
// literal, or a named function (at ref).
type tableFunc struct {
	lit   *ast.FuncLit
	named *types.Func
	ref   ast.Expr
}

// tableFuncs returns the functions that the composite literals in root of
// v's type (or what it points to) give the fields named, and false when
// one gives them anything else (a variable, a call).
func (c *checker) tableFuncs(v *types.Var, fields map[string]bool, root ast.Node) ([]tableFunc, bool) {
	info := c.pass.TypesInfo
	elem := rowType(v)
	st, _ := elem.Underlying().(*types.Struct)
	var out []tableFunc
	ok := true
	ast.Inspect(root, func(n ast.Node) bool {
		cl, isLit := n.(*ast.CompositeLit)
		if !isLit || !ok {
			return ok
		}
		t := info.TypeOf(cl)
		if t == nil || !types.Identical(t, elem) {
			return true
		}
		for i, e := range cl.Elts {
			var name string
			value := e
			if kv, isKV := e.(*ast.KeyValueExpr); isKV {
				if key, _ := kv.Key.(*ast.Ident); key != nil {
					name = key.Name
				}
				value = kv.Value
			} else if st != nil && i < st.NumFields() {
				name = st.Field(i).Name() // positional
			}
			if !fields[name] {
				continue
			}
			switch val := ast.Unparen(value).(type) {
			case *ast.FuncLit:
				out = append(out, tableFunc{lit: val})
				continue
			case *ast.Ident, *ast.SelectorExpr:
				if fn, isFn := info.Uses[identOf(val)].(*types.Func); isFn {
					out = append(out, tableFunc{named: fn, ref: val})
					continue
				}
			}
			if tv, has := info.Types[value]; !has || !tv.IsNil() {
				ok = false // another value
			}
		}
		return true
	})
	return out, ok
}

// tableHoldsT reports whether a row of the table that v ranges over, a
// composite literal of its type in root, holds a testing value declared
// outside it: the parent's t in a field (testify's tables compare t with
// itself) or in a function literal of the row (a check that calls
// assert.NoError(t, …) with the parent's t). A parallel subtest would use
// its parent's t after the parent's body has returned.
func tableHoldsT(info *types.Info, v *types.Var, root ast.Node) bool {
	elem := rowType(v)
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if found || !ok {
			return !found
		}
		if t := info.TypeOf(cl); t == nil || !types.Identical(t, elem) {
			return true
		}
		// The parent's t used where the row is built (t.Context(),
		// newClient(t), a function literal called on the spot) is the
		// parent's business; stored in the row, or in a function literal
		// the subtest calls, it is used later.
		var stack []ast.Node
		ast.Inspect(cl, func(m ast.Node) bool {
			if m == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if id, ok := m.(*ast.Ident); ok && len(stack) > 0 {
				tv, ok := info.Uses[id].(*types.Var)
				if ok && isTestingValue(tv.Type()) && !(cl.Pos() <= tv.Pos() && tv.Pos() < cl.End()) {
					switch stack[len(stack)-1].(type) {
					case *ast.CompositeLit, *ast.KeyValueExpr:
						found = true // stored
					}
					for i, a := range stack {
						lit, ok := a.(*ast.FuncLit)
						if !ok {
							continue
						}
						if call, ok := stack[i-1].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == lit {
							continue // func() *T { … }(): it runs where the row is built
						}
						found = true // used when the subtest calls it
					}
				}
			}
			stack = append(stack, m)
			return !found
		})
		return false
	})
	return found
}

// rowType returns the type of the rows of the table a variable ranges
// over: its own, or what it points to.
func rowType(v *types.Var) types.Type {
	if p, ok := v.Type().Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return v.Type()
}

// identOf returns the identifier that names what e refers to: x for x,
// Sel for p.x.
func identOf(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// namedBlockers returns what calling the named table function f does that
// holds a test back, from its summary: reached at f.ref, through f.
func (c *checker) namedBlockers(f tableFunc) []Blocker {
	var out []Blocker
	for _, e := range c.eff.Summary(f.named) {
		s := effects.Site{Node: f.ref, Effect: e, Callee: f.named}
		if b, ok := c.blocker(s, !e.Polls && !e.Maybe); ok {
			out = append(out, b)
		}
	}
	return out
}

// tableFuncBlockers returns what the named functions of the test's tables
// do that holds a test back, when t or one of its subtests calls them
// through a field of a variable it captures (tt.setup(t) with setup:
// chdirToTemp). What the subtest does, its parents do: a subtest that
// calls t.Setenv panics when its parent is parallel.
func (c *checker) tableFuncBlockers(t *tests.Test) []Blocker {
	info := c.pass.TypesInfo
	root := t.Root().Func
	var out []Blocker
	var visit func(t *tests.Test)
	visit = func(t *tests.Test) {
		if lit, ok := t.Func.(*ast.FuncLit); ok {
			seen := make(map[*types.Var]bool)
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				id, ok := ast.Unparen(sel.X).(*ast.Ident)
				if !ok {
					return true
				}
				v, ok := info.Uses[id].(*types.Var)
				if !ok || seen[v] || lit.Pos() <= v.Pos() && v.Pos() < lit.End() {
					return true
				}
				seen[v] = true
				fields := calledFields(info, lit, v)
				if len(fields) == 0 {
					return true
				}
				funcs, _ := c.tableFuncs(v, fields, root)
				for _, f := range funcs {
					if f.named != nil {
						out = append(out, c.namedBlockers(f)...)
					}
				}
				return true
			})
		}
		for _, sub := range t.Subtests {
			visit(sub)
		}
	}
	visit(t)
	return out
}

func loopBody(loop ast.Node) *ast.BlockStmt {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return l.Body
	case *ast.ForStmt:
		return l.Body
	}
	return nil
}

// isLoopVar reports whether v is declared by the loop's header.
func isLoopVar(info *types.Info, loop ast.Node, v *types.Var) bool {
	var ids []ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if l.Tok == token.DEFINE {
			ids = []ast.Expr{l.Key, l.Value}
		}
	case *ast.ForStmt:
		if as, ok := l.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			ids = as.Lhs
		}
	}
	for _, e := range ids {
		if id, ok := e.(*ast.Ident); ok && info.Defs[id] == types.Object(v) {
			return true
		}
	}
	return false
}

// writes reports whether anything in n assigns v, takes its address or
// calls a pointer method on it.
func writes(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	is := func(e ast.Expr) bool { return e != nil && effects.WrittenVar(info, e) == v }
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if n.Tok == token.DEFINE {
					if id, ok := lhs.(*ast.Ident); ok && info.Uses[id] == types.Object(v) {
						found = true // redeclared by :=
					}
				} else if is(lhs) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = is(n.X)
		case *ast.RangeStmt:
			found = n.Tok == token.ASSIGN && (is(n.Key) || is(n.Value))
		case *ast.UnaryExpr:
			found = n.Op == token.AND && is(n.X)
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				_, ptrRecv := sel.Obj().(*types.Func).Signature().Recv().Type().(*types.Pointer)
				_, ptrX := sel.Recv().Underlying().(*types.Pointer)
				found = ptrRecv && !ptrX && is(n.X)
			}
		}
		return !found
	})
	return found
}

// isTestingValue reports whether t is a testing.T, B, F or TB: a subtest
// that uses its parent's would report on the wrong test.
func isTestingValue(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "testing"
}

// plain reports whether values of type t are data a parallel subtest may
// read while others do: no pointers, channels, functions or interfaces
// through which it could reach shared mutable state. A context is plain.
func plain(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if named, ok := t.(*types.Named); ok {
		if obj := named.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == "context" && obj.Name() == "Context" {
			return true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Slice:
		return plain(u.Elem(), depth+1)
	case *types.Array:
		return plain(u.Elem(), depth+1)
	case *types.Map:
		return plain(u.Key(), depth+1) && plain(u.Elem(), depth+1)
	case *types.Struct:
		for f := range u.Fields() {
			if !plain(f.Type(), depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
