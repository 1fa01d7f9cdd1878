package effects

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// loop returns the innermost loop, in the body being walked, around the
// node at the top of the walker's stack; nil when there is none.
func (w *walker) loop() ast.Stmt {
	for i := len(w.stack) - 2; i >= 0; i-- {
		switch n := w.stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n.(ast.Stmt)
		}
	}
	return nil
}

// polls reports whether loop (nil for none) polls for a change: its
// condition, or the condition of an if statement in its body that leaves
// the loop, checks again something that can change while the loop waits
// (see rechecks). A sleep in it is the pause between the loop's tries,
// not a guess at how long something takes. A loop that only counts its
// rounds or watches the clock waits a fixed time.
//
//	for !ready() { time.Sleep(d) }
//	for deadline := time.Now().Add(d); n.Load() < 3 && time.Now().Before(deadline); { time.Sleep(d) }
//	for i := 0; i < 50; i++ { if err := ping(); err == nil { break }; time.Sleep(d) }
func (b *builder) polls(loop ast.Stmt) bool {
	var cond ast.Expr
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		cond, body = l.Cond, l.Body
	case *ast.RangeStmt:
		body = l.Body
	default:
		return false
	}
	if polls, ok := b.pollLoops[loop]; ok {
		return polls
	}
	fresh := b.freshVars(body)
	polls := cond != nil && b.rechecks(cond, fresh)
	if !polls {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				polls = polls || leaves(n.Body) && b.rechecks(n.Cond, fresh)
			}
			return !polls
		})
	}
	if b.pollLoops == nil {
		b.pollLoops = make(map[ast.Stmt]bool)
	}
	b.pollLoops[loop] = polls
	return polls
}

// freshVars returns the variables that body assigns from an expression
// that checks something again (err := ping()), each round.
func (b *builder) freshVars(body *ast.BlockStmt) map[*types.Var]bool {
	info := b.pass.TypesInfo
	fresh := make(map[*types.Var]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				if !b.rechecks(r, nil) {
					continue
				}
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if v, ok := info.ObjectOf(id).(*types.Var); ok {
							fresh[v] = true
						}
					}
				}
			}
		}
		return true
	})
	return fresh
}

// rechecks reports whether evaluating x again may give another result as
// the program runs: it calls a function or method other than the clock's
// and a context's (which give a loop a deadline, not an event), a
// function value, or len or cap of a channel; it receives from a channel;
// or it reads a variable of fresh.
func (b *builder) rechecks(x ast.Expr, fresh map[*types.Var]bool) bool {
	info := b.pass.TypesInfo
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = n.Op == token.ARROW
		case *ast.Ident:
			v, ok := info.Uses[n].(*types.Var)
			found = ok && fresh[v]
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true // a conversion
			}
			switch fn := typeutil.Callee(info, n).(type) {
			case *types.Builtin:
				if (fn.Name() == "len" || fn.Name() == "cap") && len(n.Args) == 1 {
					if t := info.TypeOf(n.Args[0]); t != nil {
						_, found = t.Underlying().(*types.Chan)
					}
				}
			case *types.Func:
				p := fn.Pkg()
				found = p == nil || p.Path() != "time" && p.Path() != "context"
			default:
				found = true // a function value
			}
		}
		return !found
	})
	return found
}

// leaves reports whether a block leaves the loop it is in: it returns,
// or breaks out (a break not nested in a statement that it would break
// instead, or one with a label), or jumps.
func leaves(block *ast.BlockStmt) bool {
	found := false
	var inner int // depth of statements that an unlabeled break would end
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil || found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = n.Tok == token.GOTO || n.Tok == token.BREAK && (n.Label != nil || inner == 0)
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			inner++
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m)
			})
			inner--
			return false
		}
		return !found
	}
	ast.Inspect(block, visit)
	return found
}
