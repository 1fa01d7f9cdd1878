package sleep

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// listens are the calls that serve on an address until the server stops,
// by full name, with the index of the address argument; -1 for a method
// of *http.Server, whose address is its Addr field.
var listens = map[string]int{
	"net/http.ListenAndServe":                      0,
	"net/http.ListenAndServeTLS":                   0,
	"(*net/http.Server).ListenAndServe":            -1,
	"(*net/http.Server).ListenAndServeTLS":         -1,
	"(*github.com/gin-gonic/gin.Engine).Run":       0,
	"(*github.com/gin-gonic/gin.Engine).RunTLS":    0,
	"(*github.com/labstack/echo/v4.Echo).Start":    0,
	"(*github.com/labstack/echo/v4.Echo).StartTLS": 0,
	"(*github.com/gofiber/fiber/v2.App).Listen":    0,
	"(*github.com/gofiber/fiber/v2.App).ListenTLS": 0,
}

// serves are the calls that serve on a listener the test made, by full
// name, with the index of the listener argument. The listener accepts
// connections from the moment it is made: a sleep after starting one of
// these waits for nothing.
var serves = map[string]int{
	"net/http.Serve":                                 0,
	"net/http.ServeTLS":                              0,
	"(*net/http.Server).Serve":                       0,
	"(*net/http.Server).ServeTLS":                    0,
	"(*google.golang.org/grpc.Server).Serve":         0,
	"(*github.com/gin-gonic/gin.Engine).RunListener": 0,
}

// An address is where a server the test started listens, as the test
// spells it.
type address struct {
	text string     // the expression to dial
	port string     // the port, when the address is a constant
	v    *types.Var // the variable that holds it, when it is one
	// listener is true when v is a listener the server accepts on, which
	// accepts connections already.
	listener bool
	// moved is true when registry gives the server another address: a
	// literal with a fixed port passed to http.ListenAndServe, or in the
	// Addr of an http.Server literal, becomes port 0 or an httptest
	// server there.
	moved bool
}

// server recognizes a sleep that gives a server the test started in a
// goroutine time to listen, before the test sends it requests:
//
//	go http.ListenAndServe(":8080", h)
//	time.Sleep(100 * time.Millisecond)
//	resp, err := http.Get("http://localhost:8080/")
//
// Two things must hold: the go statement before the wait serves on an
// address the test has (a constant, or a variable in scope at the wait),
// and one of the three statements after the wait uses that address in a
// call. The fix dials the address until it accepts a connection, for at
// most ten seconds.
func (e *env) server() (fixed, bool) {
	if e.w.loop != nil || e.w.settle != nil {
		return fixed{}, false
	}
	var g *ast.GoStmt
	for i := e.w.index - 1; i >= 0 && g == nil; i-- {
		g, _ = e.w.list[i].(*ast.GoStmt)
	}
	if g == nil {
		return fixed{}, false
	}
	addr, ok := e.served(g)
	if !ok || !e.requested(addr) {
		return fixed{}, false
	}
	if addr.moved {
		// Applied together, registry's fix would leave the dial loop
		// waiting on the old port; after it, the wait is one for a
		// listener the test holds.
		return fixed{}, false
	}
	if addr.listener {
		edits := []analysis.TextEdit{e.src.DeleteStmt(e.w.stmt)}
		if drop, ok := e.src.DropImport(e.pass, e.sc.file, "time", e.w.stmt); ok {
			edits = append(edits, drop)
		}
		because := fmt.Sprintf("waits a fixed time for the server started on line %d, but %s accepts connections since it was made: the wait only slows the test", e.line(g), addr.text)
		return e.offer(because, "remove it", edits...)
	}
	nn, imp, ok := e.src.AddStdImportAs(e.pass, e.sc.file, "net", []token.Pos{e.w.stmt.Pos()})
	if !ok {
		return fixed{}, false
	}
	deadline := e.names.Fresh(e.pass, e.w.stmt.Pos(), "deadline", "")
	// conn and err are the loop body's own: they need only differ from
	// the names the body refers to.
	conn, errName := "conn", "err"
	for _, name := range []string{addr.text, e.t, e.tn} {
		if name == conn || name == errName {
			conn = e.names.Fresh(e.pass, e.w.stmt.Pos(), "conn", "")
			errName = e.names.Fresh(e.pass, e.w.stmt.Pos(), "err", "")
		}
	}
	text := fmt.Sprintf("for %[1]s := %[2]s.Now().Add(%[3]s); ; %[2]s.Sleep(%[4]s) {\n"+
		"\t%[5]s, %[6]s := %[7]s.Dial(\"tcp\", %[8]s)\n"+
		"\tif %[6]s == nil {\n\t\t%[5]s.Close()\n\t\tbreak\n\t}\n"+
		"\tif %[2]s.Now().After(%[1]s) {\n\t\t%[9]s.Fatalf(\"server at %%s did not start: %%v\", %[8]s, %[6]s)\n\t}\n}",
		deadline, e.tn, fmt.Sprintf(timeout, e.tn), fmt.Sprintf(tick, e.tn),
		conn, errName, nn, addr.text, e.t)
	edits := []analysis.TextEdit{e.src.Replace(e.w.stmt, text)}
	if imp != nil {
		edits = append(edits, *imp)
	}
	because := fmt.Sprintf("waits a fixed time for the server started on line %d to listen on %s: slow when the wait is long, flaky when it is short", e.line(g), addr.text)
	return e.offer(because, "poll until it accepts a connection, with a deadline", edits...)
}

// served returns the address the goroutine g serves on: g calls one of
// listens, itself or in the function literal it runs.
func (e *env) served(g *ast.GoStmt) (address, bool) {
	var calls []*ast.CallExpr
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				calls = append(calls, n)
			}
			return true
		})
	} else {
		calls = []*ast.CallExpr{g.Call}
	}
	for _, call := range calls {
		fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
		if !ok {
			continue
		}
		if i, ok := serves[fn.FullName()]; ok {
			if i >= len(call.Args) {
				return address{}, false
			}
			return e.listenerOf(call.Args[i])
		}
		i, ok := listens[fn.FullName()]
		if !ok {
			continue
		}
		if i >= 0 {
			// gin's Run with no address reads $PORT.
			if len(call.Args) <= i || call.Ellipsis.IsValid() || fn.Signature().Variadic() && len(call.Args) != i+1 {
				return address{}, false
			}
			a, ok := e.addressOf(call.Args[i])
			a.moved = fn.FullName() == "net/http.ListenAndServe" && isLiteral(call.Args[i])
			return a, ok
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return address{}, false
		}
		if a := e.addrField(sel.X); a != nil {
			addr, ok := e.addressOf(a)
			addr.moved = isLiteral(a)
			return addr, ok
		}
		return address{}, false
	}
	return address{}, false
}

// addrField returns the Addr field's value in the composite literal that
// declared the local variable x (srv := &http.Server{Addr: ":8080"}).
func (e *env) addrField(x ast.Expr) ast.Expr {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := e.pass.TypesInfo.Uses[id]
	if obj == nil {
		return nil
	}
	var val ast.Expr
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || val != nil || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			return val == nil
		}
		for i, lhs := range as.Lhs {
			if lid, ok := lhs.(*ast.Ident); !ok || e.pass.TypesInfo.Defs[lid] != obj {
				continue
			}
			rhs := ast.Unparen(as.Rhs[i])
			if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
				rhs = u.X
			}
			lit, ok := rhs.(*ast.CompositeLit)
			if !ok {
				return false
			}
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Addr" {
						val = kv.Value
					}
				}
			}
		}
		return val == nil
	})
	return val
}

// addressOf returns the address x spells: a constant with a port other
// than 0, or a local string variable that is in scope at the wait.
func (e *env) addressOf(x ast.Expr) (address, bool) {
	x = ast.Unparen(x)
	tv, ok := e.pass.TypesInfo.Types[x]
	if !ok {
		return address{}, false
	}
	if tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return address{}, false
		}
		s := constant.StringVal(tv.Value)
		_, port, err := net.SplitHostPort(s)
		if n, perr := strconv.Atoi(port); err != nil || perr != nil || n <= 0 {
			return address{}, false
		}
		text := strconv.Quote(s)
		if id, ok := x.(*ast.Ident); ok && e.visible(e.pass.TypesInfo.Uses[id], e.w.stmt.Pos()) {
			text = id.Name
		}
		return address{text: text, port: port}, true
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return address{}, false
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !e.visible(v, e.w.stmt.Pos()) {
		return address{}, false
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return address{}, false
	}
	return address{text: id.Name, v: v}, true
}

// listenerOf returns the listener x names: a local variable in scope at
// the wait whose type has Accept and Addr methods.
func (e *env) listenerOf(x ast.Expr) (address, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return address{}, false
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !e.visible(v, e.w.stmt.Pos()) {
		return address{}, false
	}
	for _, m := range []string{"Accept", "Addr"} {
		if obj, _, _ := types.LookupFieldOrMethod(v.Type(), true, v.Pkg(), m); obj == nil {
			return address{}, false
		}
	}
	return address{text: id.Name, v: v, listener: true}, true
}

// requested reports whether one of the three statements after the wait
// passes addr to a call: the variable that holds it, or a string constant
// with its port ("http://localhost:8080/ping").
func (e *env) requested(addr address) bool {
	after := e.w.list[e.w.index+1:]
	if len(after) > 3 {
		after = after[:3]
	}
	found := false
	uses := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if addr.v != nil && e.pass.TypesInfo.Uses[n] == addr.v {
				found = true
			}
		case *ast.BasicLit:
			if addr.port != "" && n.Kind == token.STRING {
				s, err := strconv.Unquote(n.Value)
				found = err == nil && hasPort(s, addr.port)
			}
		}
		return !found
	}
	for _, st := range after {
		ast.Inspect(st, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				for _, a := range call.Args {
					ast.Inspect(a, uses)
				}
			}
			return !found
		})
	}
	return found
}

// hasPort reports whether s names port after a colon, not as part of a
// longer number: "http://localhost:8080/x" has 8080, ":80801" does not.
func hasPort(s, port string) bool {
	for i := strings.Index(s, ":"+port); i >= 0; {
		end := i + 1 + len(port)
		if end == len(s) || s[end] < '0' || s[end] > '9' {
			return true
		}
		next := strings.Index(s[end:], ":"+port)
		if next < 0 {
			return false
		}
		i = end + next
	}
	return false
}

// isLiteral reports whether x is a string literal.
func isLiteral(x ast.Expr) bool {
	lit, ok := ast.Unparen(x).(*ast.BasicLit)
	return ok && lit.Kind == token.STRING
}
