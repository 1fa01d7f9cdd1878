package registry

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// The temporary files and directories a test makes with os.MkdirTemp and
// os.CreateTemp, and leaves behind. One the test removes on every path
// (a deferred removal, or one at cleanup, in the block that makes it) is
// no hazard and is not reported. One the test, or code it hands the path
// to, may hold open is not moved under t.TempDir(), whose removal at
// cleanup fails on Windows while a file in it is open.

// tempAssign returns the statement `x, err = os.MkdirTemp("", pattern)`
// (or CreateTemp) of the site s, when a fix may put what it makes under
// t.TempDir().
func (c *checker) tempAssign(t *tests.Test, s effects.Site) (*ast.AssignStmt, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !c.isZeroDir(call.Args[0]) || !fixes.AtLeast(c.pass, t.File, fixes.TempDir) {
		return nil, false
	}
	as, ok := fixes.Stmt(t.File, t.Func, call).(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return nil, false
	}
	return as, true
}

// tempDir replaces `dir, err := os.MkdirTemp("", pattern)` and the check
// of its error with `dir := t.TempDir()`.
func (c *checker) tempDir(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	as, ok := c.tempAssign(t, s)
	if !ok || as.Tok != token.DEFINE {
		return finding{}, false
	}
	var stmt ast.Stmt = as
	call := as.Rhs[0].(*ast.CallExpr)
	dir, ok := as.Lhs[0].(*ast.Ident)
	errID, ok2 := as.Lhs[1].(*ast.Ident)
	if !ok || !ok2 || dir.Name == "_" {
		return finding{}, false
	}
	obj := c.pass.TypesInfo.Defs[dir]
	if obj == nil {
		return finding{}, false // dir is declared before: `dir := …` would declare nothing
	}
	if c.removedOnEveryPath(t, stmt, obj) || !c.closesWhatItOpens(t, obj, false) {
		return finding{}, false
	}
	tn := t.T.Name()
	replaced := []ast.Node{stmt}
	edits := []analysis.TextEdit{src.Replace(stmt, dir.Name+" := "+tn+".TempDir()")}
	if errID.Name != "_" {
		check := c.errorCheck(t, stmt, errID)
		if check == nil || c.usesLocals(check, c.pass.TypesInfo.Defs[errID], t.T) {
			return finding{}, false
		}
		replaced = append(replaced, check)
		edits = append(edits, src.DeleteStmt(check))
	}
	edits = append(edits, src.DropImports(c.pass, t.File, replaced...)...)
	return finding{
		key:    "temp:" + strconv.Itoa(int(call.Pos())),
		what:   "makes a temporary directory with " + short(s.Effect.What) + " and does not remove it on every path",
		hazard: "it is left behind",
		advice: "use " + tn + ".TempDir()",
		edits:  edits,
	}, true
}

// usesLocals reports whether n uses a local variable other than the given
// ones: deleting n could leave that variable without a use.
func (c *checker) usesLocals(n ast.Node, allowed ...types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			v, isVar := c.pass.TypesInfo.Uses[id].(*types.Var)
			if isVar && !v.IsField() && v.Parent() != nil && v.Parent() != v.Pkg().Scope() && !slices.Contains(allowed, types.Object(v)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// tempFile makes `f, err := os.CreateTemp("", pattern)` create the file
// under t.TempDir().
func (c *checker) tempFile(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	as, ok := c.tempAssign(t, s)
	if !ok {
		return finding{}, false
	}
	var stmt ast.Stmt = as
	call := as.Rhs[0].(*ast.CallExpr)
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return finding{}, false // the file stays open
	}
	file := c.pass.TypesInfo.ObjectOf(id)
	if file == nil {
		return finding{}, false
	}
	if pattern, ok := literalArg(call, 1); ok && strings.HasSuffix(stringValue(pattern), ".sock") && !socketFits(t, stringValue(pattern)+"1234567890") {
		return finding{}, false // a name for a Unix socket
	}
	if c.removedOnEveryPath(t, stmt, file) || !c.closesWhatItOpens(t, file, true) {
		return finding{}, false
	}
	tn := t.T.Name()
	edits := []analysis.TextEdit{src.Replace(call.Args[0], tn+".TempDir()")}
	edits = append(edits, src.DropImports(c.pass, t.File, call.Args[0])...)
	return finding{
		key:    "temp:" + strconv.Itoa(int(call.Pos())),
		what:   "makes a temporary file with " + short(s.Effect.What) + " and does not remove it on every path",
		hazard: "it is left behind",
		advice: "create it under " + tn + ".TempDir()",
		edits:  edits,
	}, true
}

// removedOnEveryPath reports whether a statement after stmt, in its
// block, removes the temporary file or directory obj holds whenever the
// test ends: a defer, or a t.Cleanup, of a call that is given obj (or its
// name), directly or in a function literal. A helper given the path at
// that point is taken to remove it.
func (c *checker) removedOnEveryPath(t *tests.Test, stmt ast.Stmt, obj types.Object) bool {
	block := c.blockOf(t, stmt)
	if block == nil {
		return false
	}
	names := c.pathNames(t, obj)
	after := false
	for _, st := range block {
		if st == stmt {
			after = true
			continue
		}
		if !after {
			continue
		}
		var run ast.Node // what runs at the end
		switch st := st.(type) {
		case *ast.DeferStmt:
			run = st.Call
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok && c.isCleanup(call) {
				run = call.Args[0]
			}
		}
		if run != nil && c.passesPath(run, names) {
			return true
		}
	}
	return false
}

// blockOf returns the statement list that holds stmt in t's body.
func (c *checker) blockOf(t *tests.Test, stmt ast.Stmt) []ast.Stmt {
	var list []ast.Stmt
	ast.Inspect(t.Body, func(n ast.Node) bool {
		if list != nil {
			return false
		}
		var l []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			l = n.List
		case *ast.CaseClause:
			l = n.Body
		case *ast.CommClause:
			l = n.Body
		}
		for _, st := range l {
			if st == stmt {
				list = l
			}
		}
		return true
	})
	return list
}

// isCleanup reports whether call is t.Cleanup(f) of package testing.
func (c *checker) isCleanup(call *ast.CallExpr) bool {
	fn := c.calleeOf(call)
	return fn != nil && fn.Name() == "Cleanup" && fn.Pkg() != nil && fn.Pkg().Path() == "testing" && len(call.Args) == 1
}

// pathNames returns obj and the local variables of t that hold its
// path: name := f.Name(), p := dir.
func (c *checker) pathNames(t *tests.Test, obj types.Object) map[types.Object]bool {
	names := map[types.Object]bool{obj: true}
	inspect(t, false, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, r := range as.Rhs {
			if id, ok := as.Lhs[i].(*ast.Ident); ok && c.isPath(r, names) {
				if v := c.pass.TypesInfo.Defs[id]; v != nil {
					names[v] = true
				}
			}
		}
		return true
	})
	return names
}

// isPath reports whether e is one of names, or the Name() of one.
func (c *checker) isPath(e ast.Expr, names map[types.Object]bool) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Name" {
			e = ast.Unparen(sel.X)
		}
	}
	id, ok := e.(*ast.Ident)
	return ok && names[c.pass.TypesInfo.Uses[id]]
}

// passesPath reports whether n holds a call given one of names as an
// argument.
func (c *checker) passesPath(n ast.Node, names map[types.Object]bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, a := range call.Args {
				if c.isPath(a, names) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// closesWhatItOpens reports whether t leaves nothing open in the
// temporary file or directory obj holds, so that t.TempDir() can remove
// it at cleanup on every system: the test closes the file it created
// (file), opens the path, or one under it, only with calls whose result
// it closes, and gives it to no code that could keep it open. Calls that
// open, use and close a path within themselves (os.ReadFile, os.Stat, …),
// messages, assertions and comparisons are fine.
func (c *checker) closesWhatItOpens(t *tests.Test, obj types.Object, file bool) bool {
	names := c.pathNames(t, obj)
	closed := c.closedVars(t)
	if file && !closed[obj] {
		return false
	}
	ok := true
	var stack []ast.Node
	ast.Inspect(t.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || !ok || !names[c.pass.TypesInfo.Uses[id]] {
			return ok
		}
		ok = c.pathUseCloses(stack, file && c.pass.TypesInfo.Uses[id] == obj, closed)
		return ok
	})
	return ok
}

// pathUseCloses reports whether the use of a path at the top of stack
// (an identifier) leaves nothing open. When handle is true the
// identifier is the file the test created and closes, and only its
// Name() is a path.
func (c *checker) pathUseCloses(stack []ast.Node, handle bool, closed map[types.Object]bool) bool {
	i := len(stack) - 1
	if handle {
		sel, ok := stack[i-1].(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Name" || i < 2 {
			return true // the file itself, which the test closes
		}
		if call, ok := stack[i-2].(*ast.CallExpr); !ok || call.Fun != sel {
			return true
		}
		i -= 2 // f.Name()
	}
	// Climb through the expressions that build a path from it:
	// dir + "/x", filepath.Join(dir, "x"), fmt.Sprintf("%s/x", dir).
	for ; i > 0; i-- {
		switch p := stack[i-1].(type) {
		case *ast.ParenExpr:
		case *ast.BinaryExpr:
			switch p.Op {
			case token.EQL, token.NEQ:
				return true
			case token.ADD:
			default:
				return false
			}
		case *ast.CallExpr:
			if ast.Unparen(p.Fun) == stack[i] {
				return false // a conversion or a call of the path?
			}
			fn := c.calleeOf(p)
			if fn == nil || fn.Pkg() == nil {
				return false
			}
			switch path := fn.Pkg().Path(); {
			case pathBuilders[path] || path == "strings" && fn.Signature().Recv() == nil:
				if !isString(c.pass.TypesInfo.TypeOf(p)) {
					return true // strings.HasPrefix(dir, …)
				}
				continue
			case path == "testing" || path == "github.com/stretchr/testify/assert" || path == "github.com/stretchr/testify/require":
				return true // messages and assertions about the path
			}
			return c.callCloses(p, stack[:i-1], fn, closed)
		case *ast.ExprStmt:
			return true // fmt.Println(dir)
		case *ast.AssignStmt:
			return p.Tok == token.DEFINE // a name of the path, checked on its own
		default:
			return false
		}
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// callCloses reports whether a call given a path keeps nothing open: one
// that opens it, if at all, only until it returns, or one that returns an
// open file the test closes.
func (c *checker) callCloses(call *ast.CallExpr, above []ast.Node, fn *types.Func, closed map[types.Object]bool) bool {
	name := fn.FullName()
	if pathReaders[name] {
		return true
	}
	if !pathOpeners[name] || len(above) == 0 {
		return false
	}
	as, ok := above[len(above)-1].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	return ok && closed[c.pass.TypesInfo.ObjectOf(id)]
}

// closedVars returns the variables of t's body that are closed by a call
// of their Close method, deferred or not.
func (c *checker) closedVars(t *tests.Test) map[types.Object]bool {
	closed := make(map[types.Object]bool)
	ast.Inspect(t.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Close" {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
				closed[obj] = true
			}
		}
		return true
	})
	return closed
}

var (
	// pathBuilders are packages whose functions make a string, or a
	// value that cannot keep a file open, from a path.
	pathBuilders = map[string]bool{
		"path/filepath": true, "path": true, "fmt": true, "strconv": true,
	}
	// pathReaders open a path, if at all, only until they return.
	pathReaders = map[string]bool{
		"os.ReadFile": true, "os.WriteFile": true, "os.Stat": true, "os.Lstat": true,
		"os.Remove": true, "os.RemoveAll": true, "os.Mkdir": true, "os.MkdirAll": true,
		"os.Chmod": true, "os.Chtimes": true, "os.Truncate": true, "os.Rename": true,
		"os.ReadDir": true, "os.Symlink": true, "os.Readlink": true,
		"io/ioutil.ReadFile": true, "io/ioutil.WriteFile": true, "io/ioutil.ReadDir": true,
	}
	// pathOpeners return an open file.
	pathOpeners = map[string]bool{
		"os.Open": true, "os.OpenFile": true, "os.Create": true,
	}
)
