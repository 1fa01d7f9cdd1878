package sleep

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/fixes"
)

// How deep query follows calls into the package's own functions.
const queryDepth = 4

// query reports whether the calls in x only read what they return. A fix that waits
// for a check evaluates the check again and again, and once more after
// it passes: a call that changes something as it answers (s.Confirm(id),
// q.Pop(), it.Next()) would answer differently the second time, and the
// test would mean something else.
//
// A conversion, a builtin that computes, and a function of the standard
// library that is not a method are queries. A method of the standard
// library is one when its name says it reads (Load, Len, String, Get,
// Err…). A function of the analyzed package is one when its body assigns
// only to its own variables, sends, receives and starts nothing, and calls
// only queries and a mutex's Lock and Unlock. A function of another
// package, whose body is not here, is one when its name says it reads
// (Get…, Is…, Has…, Len, Count…).
func (e *env) query(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		if call, isCall := n.(*ast.CallExpr); isCall && !e.queryCall(call, 0, nil) {
			ok = false
		}
		return ok
	})
	return ok
}

// own, when the call is in a function's body, reports whether an
// expression is one of that function's own variables.
func (e *env) queryCall(call *ast.CallExpr, depth int, own func(ast.Expr) bool) bool {
	if tv, ok := e.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	switch fn := typeutil.Callee(e.pass.TypesInfo, call).(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "len", "cap", "min", "max", "real", "imag", "complex", "make", "new":
			return true
		case "copy":
			// It writes to its first argument: a getter copies into a
			// slice of its own (out := make([]T, len(s.items)); copy(out, s.items)).
			return len(call.Args) == 2 && own != nil && own(call.Args[0])
		case "append":
			// It writes to the array of its first argument when that has
			// room: a fresh slice, or one of the function's own.
			if len(call.Args) == 0 {
				return false
			}
			switch first := ast.Unparen(call.Args[0]).(type) {
			case *ast.CompositeLit:
				return true
			case *ast.CallExpr:
				if tv, ok := e.pass.TypesInfo.Types[first.Fun]; ok && tv.IsType() && len(first.Args) == 1 && e.isNil(first.Args[0]) {
					return true // []T(nil)
				}
			}
			return e.isNil(call.Args[0]) || own != nil && own(call.Args[0])
		}
		return false
	case *types.Func:
		return e.queryFunc(fn, depth)
	}
	return false // a function value: nothing says what it does
}

func (e *env) queryFunc(fn *types.Func, depth int) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == e.pass.Pkg {
		if decl, _ := e.tests.Decl(fn.Origin()); decl != nil {
			if r, ok := e.readers[decl]; ok {
				return r
			}
			r := depth < queryDepth && e.queryBody(decl, depth+1)
			if r || depth == 0 {
				e.readers[decl] = r // not a false that the depth cut short
			}
			return r
		}
		return readingName(fn.Name())
	}
	if stdFunc(fn) {
		return true
	}
	if fixes.Std(fn.Pkg().Path()) {
		return stdQueries[fn.Name()] || strings.HasPrefix(fn.Name(), "Is")
	}
	var f reader
	return e.pass.ImportObjectFact(fn.Origin(), &f) || readingName(fn.Name())
}

// reader is the fact that a function only reads, by the rule queryBody
// applies: a test in another package may call it again and again while
// it waits (store.Items() that locks to copy the slice it guards).
type reader struct{}

// AFact marks reader as an analysis fact.
func (*reader) AFact() {}

func (*reader) String() string { return "reads" }

// exportReaders exports the reader fact for each function of the package,
// but those of _test.go files (no other package sees them) and the
// standard library's, whose methods are known by name.
func (c *checker) exportReaders() {
	if fixes.Std(c.pass.Pkg.Path()) {
		return
	}
	e := &env{checker: c}
	for _, file := range c.pass.Files {
		if tok := c.pass.Fset.File(file.FileStart); tok == nil || strings.HasSuffix(tok.Name(), "_test.go") {
			continue
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && e.queryFunc(fn, 0) {
				c.pass.ExportObjectFact(fn, new(reader))
			}
		}
	}
}

// stdQueries are the names of the standard library's methods that read:
// atomic values, buffers, builders, headers, contexts, times, errors.
var stdQueries = map[string]bool{
	"Load": true, "Len": true, "Cap": true, "String": true, "Bytes": true, "Err": true,
	"Get": true, "Has": true, "Value": true, "Values": true, "Size": true, "Name": true,
	"Equal": true, "Before": true, "After": true, "Sub": true, "Unix": true, "UnixNano": true,
	"UnixMilli": true, "Seconds": true, "Milliseconds": true, "Error": true, "Contains": true,
	"Lookup": true, "Int64": true, "Uint64": true, "Int": true, "Float64": true, "Bool": true,
}

// readingName reports whether a function's name says it reads: Get, Is,
// Has, Len, Count, Num, Size, Contains, Exists, Status, State, String,
// Load, alone or followed by a word (GetUser, IsReady, NumCalls).
func readingName(name string) bool {
	for _, p := range []string{"Get", "Is", "Has", "Len", "Count", "Num", "Size", "Contains", "Exists", "Status", "State", "String", "Load"} {
		if name == p {
			return true
		}
		if rest, ok := strings.CutPrefix(name, p); ok && rest[0] >= 'A' && rest[0] <= 'Z' && !strings.HasPrefix(rest, "Or") && !strings.HasPrefix(rest, "And") {
			return true // GetUser, but not LoadOrStore or LoadAndDelete
		}
	}
	return false
}

// queryBody reports whether the function declared by fd only reads: it
// assigns only to variables of its own, sends, receives and starts
// nothing, and calls only queries and a mutex's Lock and Unlock.
func (e *env) queryBody(fd *ast.FuncDecl, depth int) bool {
	if fd.Body == nil {
		return false
	}
	var own func(x ast.Expr) bool
	own = func(x ast.Expr) bool {
		x = ast.Unparen(x)
		if ix, isIndex := x.(*ast.IndexExpr); isIndex {
			// An element of a slice or map the function made itself
			// (out := make([][]byte, n); out[i] = …) is its own.
			base, isID := ast.Unparen(ix.X).(*ast.Ident)
			return isID && own(base) && e.madeHere(fd, base)
		}
		id, ok := x.(*ast.Ident)
		if !ok {
			return false // a field, an element or what a pointer points to
		}
		if id.Name == "_" {
			return true
		}
		obj := e.pass.TypesInfo.ObjectOf(id)
		return obj != nil && obj.Pos() >= fd.Pos() && obj.Pos() < fd.End()
	}
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false // a write seen earlier is not undone by a read after it
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				ok = ok && own(lhs)
			}
		case *ast.IncDecStmt:
			ok = own(n.X)
		case *ast.SendStmt, *ast.GoStmt, *ast.RangeStmt:
			// A range over a channel receives; one over anything else
			// assigns to its own variables, checked as it is walked.
			if r, isRange := n.(*ast.RangeStmt); isRange {
				if _, isChan := e.pass.TypesInfo.TypeOf(r.X).(*types.Chan); !isChan {
					ok = (r.Key == nil || own(r.Key)) && (r.Value == nil || own(r.Value))
					break
				}
			}
			ok = false
		case *ast.UnaryExpr:
			ok = n.Op != token.ARROW
		case *ast.SelectStmt:
			ok = false
		case *ast.CallExpr:
			ok = lock(e.pass.TypesInfo, n) || e.queryCall(n, depth, own)
		}
		return ok
	})
	return ok
}

// lock reports whether call locks or unlocks a sync.Mutex or RWMutex, as
// a getter of shared state does around its read.
func lock(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	switch fn.FullName() {
	case "(*sync.Mutex).Lock", "(*sync.Mutex).Unlock",
		"(*sync.RWMutex).Lock", "(*sync.RWMutex).Unlock", "(*sync.RWMutex).RLock", "(*sync.RWMutex).RUnlock":
		return true
	}
	return false
}

// madeHere reports whether every value fd assigns to the variable id
// names is one it makes: make(…) or a composite literal, so that its
// elements are fd's own to write.
func (e *env) madeHere(fd *ast.FuncDecl, id *ast.Ident) bool {
	obj := e.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return false
	}
	made, seen := true, false
	fresh := func(x ast.Expr) bool {
		switch x := ast.Unparen(x).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			b, ok := typeutil.Callee(e.pass.TypesInfo, x).(*types.Builtin)
			return ok && b.Name() == "make"
		}
		return false
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if l, ok := ast.Unparen(lhs).(*ast.Ident); ok && e.pass.TypesInfo.ObjectOf(l) == obj {
					seen = true
					made = made && len(n.Lhs) == len(n.Rhs) && fresh(n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if e.pass.TypesInfo.ObjectOf(name) == obj {
					seen = true
					made = made && len(n.Names) == len(n.Values) && fresh(n.Values[i])
				}
			}
		case *ast.UnaryExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && e.pass.TypesInfo.ObjectOf(x) == obj {
				made = false // its address escapes
			}
		}
		return made
	})
	return made && seen
}
