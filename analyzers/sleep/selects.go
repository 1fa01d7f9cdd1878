package sleep

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// selectAfter recognizes a wait followed by a select that looks once
// whether a channel has a value and fails the test when it has none:
//
//	time.Sleep(100 * time.Millisecond)
//	select {
//	case err := <-done:
//		…
//	default:
//		t.Fatal("not done")
//	}
//
// The select can wait for the channel itself: the fix removes the wait
// and turns the default into a deadline, case <-time.After(10 *
// time.Second), keeping what it does. A default that does not fail the
// test, or a receive that does (the test expects nothing to arrive), is
// not such a check.
func (e *env) selectAfter() (fixed, bool) {
	if e.w.loop != nil || e.w.index+1 >= len(e.w.list) {
		return fixed{}, false
	}
	sel, ok := e.w.list[e.w.index+1].(*ast.SelectStmt)
	if !ok || len(sel.Body.List) != 2 {
		return fixed{}, false
	}
	var recv, def *ast.CommClause
	for _, st := range sel.Body.List {
		cc, ok := st.(*ast.CommClause)
		if !ok {
			return fixed{}, false
		}
		if cc.Comm == nil {
			def = cc
		} else {
			recv = cc
		}
	}
	if recv == nil || def == nil {
		return fixed{}, false
	}
	ch, ok := received(recv.Comm)
	if !ok || !e.channel(ch) {
		return fixed{}, false
	}
	if !e.fails(def.Body, true) || e.fails(recv.Body, false) {
		return fixed{}, false
	}
	because := fmt.Sprintf("waits a fixed time before the select on line %d looks once whether %s has a value: slow when the wait is long, flaky when it is short",
		e.line(sel), e.src.Text(ch))
	deadline := "case <-" + e.tn + ".After(" + fmt.Sprintf(timeout, e.tn) + ")"
	return e.offer(because, "let the select wait for it, with a deadline",
		e.src.DeleteStmt(e.w.stmt),
		e.src.ReplaceSpan(def.Case, def.Colon, deadline))
}

// received returns the channel a select case receives from: <-ch, v :=
// <-ch, v, ok = <-ch.
func received(comm ast.Stmt) (ast.Expr, bool) {
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 {
			return nil, false
		}
		x = s.Rhs[0]
	default:
		return nil, false
	}
	u, ok := ast.Unparen(x).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil, false
	}
	return ast.Unparen(u.X), true
}

// channel reports whether x names a channel the test holds, a variable or
// a field of one: not a call, which may make a timer of its own.
func (e *env) channel(x ast.Expr) bool {
	t := e.pass.TypesInfo.TypeOf(x)
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Chan); !ok {
		return false
	}
	for {
		switch n := x.(type) {
		case *ast.Ident:
			_, ok := e.pass.TypesInfo.Uses[n].(*types.Var)
			return ok
		case *ast.SelectorExpr:
			if sel, ok := e.pass.TypesInfo.Selections[n]; !ok || sel.Kind() != types.FieldVal {
				return false
			}
			x = ast.Unparen(n.X)
		default:
			return false
		}
	}
}

// fails reports whether the statements fail the test: with all true,
// whether they do nothing but fail it and log (t.Fatal, t.Errorf, t.Log);
// otherwise whether any of them, not nested in a branch, fails it.
func (e *env) fails(body []ast.Stmt, all bool) bool {
	failed := false
	for _, st := range body {
		name, ok := e.tCall(st)
		switch {
		case ok && failing(name):
			failed = true
		case ok && all && (name == "Log" || name == "Logf"):
		case all:
			return false
		}
	}
	return failed
}

// tCall returns the method of the testing value that the statement st
// calls, when it is such a call.
func (e *env) tCall(st ast.Stmt) (string, bool) {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !e.isT(sel.X) {
		return "", false
	}
	return sel.Sel.Name, true
}

func failing(name string) bool {
	switch name {
	case "Fatal", "Fatalf", "FailNow", "Error", "Errorf", "Fail":
		return true
	}
	return false
}
