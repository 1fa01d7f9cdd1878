package sleep

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// fileReads are the functions that read the file system without opening
// anything a test must close: a check of what they return after a sleep
// waits for a file to be written.
var fileReads = map[string]bool{
	"os.ReadFile": true, "os.Stat": true, "os.Lstat": true, "os.ReadDir": true,
	"io/ioutil.ReadFile": true, "io/ioutil.ReadDir": true,
}

// readStmt recognizes a statement that reads what the checks after a
// wait test: data, err := os.ReadFile(p), got := s.Items(). It declares
// every variable it assigns, and its call only reads (see query) and
// reads something that can change while the test waits: a file, or state
// that a getter reads. It returns the statement and its variables.
func (e *env) readStmt(st ast.Stmt) (*ast.AssignStmt, map[*types.Var]bool) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 {
		return nil, nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !e.pure(call) || !e.query(call) {
		return nil, nil
	}
	fn, _ := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
	if !(fn != nil && fileReads[fn.FullName()] || e.changing(call)) {
		return nil, nil
	}
	vars := make(map[*types.Var]bool)
	for _, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return nil, nil
		}
		if id.Name == "_" {
			continue
		}
		v, ok := e.pass.TypesInfo.Defs[id].(*types.Var)
		if !ok {
			return nil, nil // assigned, not declared: moving it would change another variable
		}
		vars[v] = true
	}
	if len(vars) == 0 {
		return nil, nil
	}
	return as, vars
}

// readVar reports whether x is a variable the read after the wait declared.
func (e *env) readVar(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && e.reads[v]
}

// readChecked reports whether the checks test what the read returned,
// and expect it to be there: a check that a file is gone
// (os.IsNotExist(err), errors.Is(err, fs.ErrNotExist)) after a sleep
// checks that nothing was written, which is what the sleep is for.
func (e *env) readChecked(checks []check) bool {
	uses, gone := false, false
	for _, ch := range checks {
		ast.Inspect(ch.stmt, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch obj := e.pass.TypesInfo.Uses[id].(type) {
			case *types.Var:
				uses = uses || e.reads[obj]
				gone = gone || strings.HasSuffix(obj.Name(), "NotExist")
			case *types.Func:
				gone = gone || strings.HasSuffix(obj.Name(), "NotExist")
			}
			return true
		})
	}
	return len(checks) > 0 && uses && !gone
}

// usedAfter reports whether a variable the read declared is used after
// the statement last, so that it cannot move into a function literal.
func (e *env) usedAfter(last ast.Stmt) bool {
	used := false
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= last.End() {
			if v, ok := e.pass.TypesInfo.Uses[id].(*types.Var); ok && e.reads[v] {
				used = true
			}
		}
		return !used
	})
	return used
}

// readsIn reports whether every variable the read declared is used in one
// of exprs: a copy of the read before them declares nothing unused.
func (e *env) readsIn(exprs []ast.Expr) bool {
	seen := make(map[*types.Var]bool)
	for _, x := range exprs {
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := e.pass.TypesInfo.Uses[id].(*types.Var); ok && e.reads[v] {
					seen[v] = true
				}
			}
			return true
		})
	}
	return len(seen) == len(e.reads)
}

// unguarded reports whether a check relies on an earlier one that stops
// the test to be safe to evaluate: it indexes, slices or goes through a
// pointer (require.Len(t, got, 1); require.Equal(t, "a", got[0].Name)).
// In EventuallyWithT every check reports and the next one runs, and a
// panic there ends the test binary.
func (e *env) unguarded(checks []check) bool {
	stopped, risky := false, false
	for _, ch := range checks {
		if stopped {
			ast.Inspect(ch.stmt, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.IndexExpr:
					t := e.pass.TypesInfo.TypeOf(n.X)
					if t == nil {
						risky = true
					} else if _, isMap := t.Underlying().(*types.Map); !isMap {
						risky = true
					}
				case *ast.SliceExpr, *ast.StarExpr:
					risky = true
				case *ast.SelectorExpr:
					if sel, ok := e.pass.TypesInfo.Selections[n]; ok && sel.Kind() == types.FieldVal && sel.Indirect() {
						risky = true
					}
				}
				return !risky
			})
		}
		stopped = stopped || ch.stops
	}
	return risky
}

// pollRead replaces the wait before a read and the if statements that
// check it by a loop that reads again until their failure conditions
// clear, for at most ten seconds; the read and the checks then run as
// they did:
//
//	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
//		data, err := os.ReadFile(p)
//		if !(err != nil || string(data) != "done") {
//			break
//		}
//	}
func (e *env) pollRead(because string, checks []check, conds []ast.Expr) (fixed, bool) {
	if !e.readsIn(conds) {
		return fixed{}, false // the copy of the read would declare a variable it does not use
	}
	read := e.src.Text(e.read)
	var done string
	if len(conds) == 1 {
		done = e.negate(conds[0])
	} else {
		var fails []string
		for _, x := range conds {
			fails = append(fails, e.src.Text(x))
		}
		done = "!(" + strings.Join(fails, " || ") + ")"
	}
	if strings.Contains(read, "\n") || strings.Contains(done, "\n") {
		return fixed{}, false
	}
	deadline := e.names.Fresh(e.pass, e.w.stmt.Pos(), "deadline", "")
	text := fmt.Sprintf("for %[1]s := %[2]s.Now().Add(%[3]s); %[2]s.Now().Before(%[1]s); %[2]s.Sleep(%[4]s) {\n\t%[5]s\n\tif %[6]s {\n\t\tbreak\n\t}\n}",
		deadline, e.tn, fmt.Sprintf(timeout, e.tn), fmt.Sprintf(tick, e.tn), read, done)
	advice := "poll until the check passes, with a deadline"
	if len(checks) > 1 {
		advice = "poll until the checks pass, with a deadline"
	}
	return e.offer(because, advice, e.src.Replace(e.w.stmt, text))
}
