package registry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// The families of fixed names the whole machine shares: ports, file paths,
// and temporary files the test removes by hand.

// listen gives a test that listens on a fixed port port 0, and has it
// read the address it got from the listener wherever it spelled the fixed
// one. A listen on a Unix socket is a fixed path.
func (c *checker) listen(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return finding{}, false
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && strings.HasPrefix(tv.Value.ExactString(), `"unix`) {
		return c.path(t, s, src)
	}
	lit, ok := literalArg(call, 1)
	if !ok {
		return finding{}, false
	}
	host, port, err := net.SplitHostPort(stringValue(lit))
	if err != nil {
		return finding{}, false
	}
	stmt := fixes.Stmt(t.File, t.Func, call)
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return finding{}, false
	}
	ln, ok := as.Lhs[0].(*ast.Ident)
	if !ok || ln.Name == "_" {
		return finding{}, false
	}
	repls, ok := c.addressUses(t, stmt, lit, port, ln.Name+".Addr().String()", "")
	if !ok || len(repls) == 0 && !c.asksAddr(t, as.Lhs[0]) {
		return finding{}, false // clients that know the port by heart may connect to it
	}
	edits := portZero(src, lit, host, repls)
	return finding{
		key:    "port:" + port,
		what:   "listens on the fixed address " + lit.Value + " (" + short(s.Effect.What) + ")",
		hazard: "the port is machine-wide, so another run, test or package that listens on it at the same time fails",
		advice: "listen on port 0 and use the address " + ln.Name + ".Addr() gives",
		edits:  edits,
	}, true
}

// portZero returns the edits that make the literal address lit, whose
// host is host, port 0 on the loopback address when it listens on every
// interface, and replace the other spellings of the address, repls.
func portZero(src *fixes.Source, lit *ast.BasicLit, host string, repls []replacement) []analysis.TextEdit {
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
	}
	edits := []analysis.TextEdit{src.Replace(lit, strconv.Quote(net.JoinHostPort(host, "0")))}
	for _, r := range repls {
		edits = append(edits, src.Replace(r.node, r.text("")))
	}
	return edits
}

// serve gives a test that serves HTTP on a fixed port in a goroutine,
// `go http.ListenAndServe(addr, h)`, an httptest.Server instead.
func (c *checker) serve(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return finding{}, false
	}
	lit, ok := literalArg(call, 0)
	if !ok {
		return finding{}, false
	}
	_, port, err := net.SplitHostPort(stringValue(lit))
	if err != nil {
		return finding{}, false
	}
	var stmt ast.Stmt
	for _, st := range t.Body.List {
		if g, ok := st.(*ast.GoStmt); ok && g.Call == call {
			stmt = st
		}
	}
	if stmt == nil {
		return finding{}, false
	}
	httptest, edits, ok := c.importName(t, src, "net/http/httptest")
	if !ok {
		return finding{}, false
	}
	srv := c.names.Fresh(c.pass, stmt.Pos(), "srv", "")
	repls, ok := c.addressUses(t, stmt, lit, port, srv+".Listener.Addr().String()", srv+".URL")
	if !ok || len(repls) == 0 {
		return finding{}, false // clients that know the port by heart may connect to it
	}
	tn := t.T.Name()
	edits = append(edits, src.Replace(stmt, srv+" := "+httptest+".NewServer("+src.Text(call.Args[1])+")\n"+tn+".Cleanup("+srv+".Close)"))
	for _, r := range repls {
		edits = append(edits, src.Replace(r.node, r.text("")))
	}
	edits = append(edits, src.DropImports(c.pass, t.File, stmt)...)
	return finding{
		key:    "port:" + port,
		what:   "serves HTTP on the fixed address " + lit.Value + " (" + short(s.Effect.What) + ")",
		hazard: "the port is machine-wide, so another run, test or package that listens on it at the same time fails",
		advice: "use an httptest.NewServer",
		edits:  edits,
	}, true
}

// addressUses returns the replacements of the test's other spellings of
// the fixed address: "host:port" by addr, "http://host:port/…" by url, or
// by "http://" + addr when url is empty. It fails when the port appears in
// any other form, or before the statement that listens.
func (c *checker) addressUses(t *tests.Test, listen ast.Stmt, self *ast.BasicLit, port, addr, url string) ([]replacement, bool) {
	var repls []replacement
	ok := true
	inspect(t, false, func(n ast.Node) bool {
		lit, isLit := n.(*ast.BasicLit)
		if !isLit || lit == self || !ok {
			return ok
		}
		if lit.Kind == token.INT && lit.Value == port {
			ok = false // the port spelled as a number: no telling where it goes
		}
		if lit.Kind != token.STRING || !strings.Contains(stringValue(lit), ":"+port) {
			return ok
		}
		text, fits := addressText(stringValue(lit), port, addr, url)
		if !fits || lit.Pos() < listen.End() || fixes.TopStmt(t.Body, listen) != listen {
			ok = false
			return false
		}
		repls = append(repls, replacement{lit, func(string) string { return text }})
		return true
	})
	return repls, ok
}

// addressText returns the expression that replaces a literal spelling a
// local address with the port: the address itself, or a URL of it.
func addressText(s, port, addr, url string) (string, bool) {
	scheme, rest, isURL := strings.Cut(s, "://")
	if !isURL {
		scheme, rest = "", s
	}
	hostport, tail := rest, ""
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		hostport, tail = rest[:i], rest[i:]
	}
	host, p, err := net.SplitHostPort(hostport)
	if err != nil || p != port {
		return "", false
	}
	switch host {
	case "", "localhost", "127.0.0.1", "0.0.0.0", "::1", "::":
	default:
		return "", false
	}
	var text string
	switch {
	case scheme == "" && tail == "":
		return addr, true
	case scheme == "":
		return "", false
	case scheme == "http" && url != "":
		text = url
	default:
		text = strconv.Quote(scheme+"://") + " + " + addr
	}
	if tail != "" {
		text += " + " + strconv.Quote(tail)
	}
	return text, true
}

// path gives a test that creates a fixed path a path under t.TempDir(),
// and rewrites every use of the path, and of paths under it, in the test.
// The test must create the path before any other use of it (a path it
// reads first is an input), the path must not be under testdata, and a
// relative path must be a single name (or one os.MkdirAll creates) in a
// test that does not change the working directory.
func (c *checker) path(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	api, found := catalog.Lookup(s.Effect.What)
	if !ok || !found || api.Arg == 0 || !fixes.AtLeast(c.pass, t.File, fixes.TempDir) {
		return finding{}, false
	}
	lit, ok := literalArg(call, api.Arg-1)
	if !ok {
		return c.heldPath(t, s, src, call, api.Arg-1)
	}
	return c.literalPath(t, s, src, call, lit)
}

// literalPath is path for the literal path lit, an argument of call: the
// call that creates it, or that passes it to a function that does.
func (c *checker) literalPath(t *tests.Test, s effects.Site, src *fixes.Source, call *ast.CallExpr, lit *ast.BasicLit) (finding, bool) {
	p := path.Clean(stringValue(lit))
	base, ok := c.fixedPath(t, s, p)
	if !ok {
		return finding{}, false
	}
	var uses []*ast.BasicLit
	for _, l := range stringLits(t) {
		v := stringValue(l)
		if v == "" {
			continue
		}
		cv := path.Clean(v)
		if cv == p || strings.HasPrefix(cv, p+"/") {
			uses = append(uses, l)
		} else if l.Pos() < lit.Pos() && strings.HasPrefix(p, cv+"/") {
			return finding{}, false // under a path the test used before: that one's finding, or an input
		}
	}
	if len(uses) == 0 || uses[0] != lit {
		return finding{}, false // used before it is created: an input
	}
	if cond := conditional(t, call); cond != nil {
		for _, l := range uses[1:] {
			if l.Pos() < cond.Pos() || l.Pos() >= cond.End() {
				// Created only sometimes (if *update { os.WriteFile(…) })
				// but used always: the path is an input the test keeps
				// in the tree, and a temporary one would not exist.
				return finding{}, false
			}
		}
	}
	if !c.usedAgain(t, call, s.Callee == nil, uses[1:]) {
		return finding{}, false // made for code that knows the path by heart
	}
	filepath, edits, ok := c.importName(t, src, "path/filepath")
	if !ok {
		return finding{}, false
	}
	tn := t.T.Name()
	temp := filepath + ".Join(" + tn + ".TempDir(), " + strconv.Quote(base) + ")"
	if len(uses) == 1 {
		edits = append(edits, src.Replace(lit, temp))
	} else {
		var repls []replacement
		for _, l := range uses {
			rest := strings.TrimPrefix(strings.TrimPrefix(path.Clean(stringValue(l)), p), "/")
			repls = append(repls, replacement{l, func(v string) string {
				if rest == "" {
					return v
				}
				return filepath + ".Join(" + v + ", " + strconv.Quote(rest) + ")"
			}})
		}
		name := "path"
		if strings.HasPrefix(s.Effect.What, "os.Mkdir") {
			name = "dir"
		}
		more, ok := c.perTest(t, src, name, func(v string) string { return v + " := " + temp }, repls)
		if !ok {
			return finding{}, false
		}
		edits = append(edits, more...)
	}
	return finding{
		key:    "path:" + p,
		what:   "creates the fixed path " + lit.Value + " (" + short(s.Effect.What) + ")",
		hazard: "other runs, tests and packages that go test runs at the same time share it",
		advice: "use a path under " + tn + ".TempDir()",
		edits:  edits,
	}, true
}

// fixedPath reports whether the clean path p, created by the site s of
// test t, is one that a temporary path can replace, and returns the name
// to give it under t.TempDir().
func (c *checker) fixedPath(t *tests.Test, s effects.Site, p string) (string, bool) {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	base := p
	switch {
	case first == "testdata", p == "." || p == "/", strings.HasPrefix(p, ".."):
		return "", false
	case path.IsAbs(p):
		switch first {
		case "dev", "proc", "sys":
			return "", false
		}
		base = path.Base(p)
	case strings.Contains(p, "/") && s.Effect.What != "os.MkdirAll":
		return "", false
	case c.changesDir(t), c.setupInOwnDir(t, s):
		return "", false
	}
	if s.Effect.What == "net.Listen" && !socketFits(t, base) {
		return "", false
	}
	return base, true
}

// heldPath is path for a fixed path that the test holds in a local
// variable, path := "/tmp/out.json", and passes as argument i of call: the
// variable is given a path under t.TempDir() where it is declared. The
// variable must be declared once, outside loops and function literals of
// the test, and never assigned again; the call must be its first use, and
// the test must use it again; no literal of the test may spell the path,
// or one under it, again.
func (c *checker) heldPath(t *tests.Test, s effects.Site, src *fixes.Source, call *ast.CallExpr, i int) (finding, bool) {
	if i < 0 || i >= len(call.Args) {
		return finding{}, false
	}
	id, ok := ast.Unparen(call.Args[i]).(*ast.Ident)
	if !ok {
		return finding{}, false
	}
	if obj := c.pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() == c.pass.Pkg && obj.Parent() == obj.Pkg().Scope() {
		return c.pkgPath(t, s, src, call, id, obj)
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.Parent() == nil {
		return finding{}, false
	}
	def, ok := c.valueDef(t, v)
	if !ok {
		return finding{}, false
	}
	lit, ok := def.(*ast.BasicLit)
	var temp *ast.CallExpr // os.TempDir() in filepath.Join(os.TempDir(), "name")
	if !ok || lit.Kind != token.STRING {
		if temp, lit, ok = c.tempDirJoin(def); !ok || !c.closesWhatItOpens(t, v, false) {
			return finding{}, false // t.TempDir() could not remove a file left open, on Windows
		}
	}
	p := path.Clean(stringValue(lit))
	if temp != nil {
		p = "/tmp/" + p // a name in the temporary directory
	}
	base, ok := c.fixedPath(t, s, p)
	if !ok {
		return finding{}, false
	}
	for _, l := range stringLits(t) {
		if cv := path.Clean(stringValue(l)); l != lit && (cv == p || strings.HasPrefix(cv, p+"/")) {
			return finding{}, false
		}
	}
	// The uses of the variable: none before the call (an input), none
	// that writes it, and one at least after it that does not remove it.
	var later []ast.Node
	writes := false
	removals := c.removedPaths(t)
	inspect(t, false, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if l, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.Uses[l] == v {
					writes = true
				}
			}
		case *ast.UnaryExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && c.pass.TypesInfo.Uses[x] == v {
				writes = true
			}
		case *ast.Ident:
			if c.pass.TypesInfo.Uses[n] == v && n != id && !removals[n] {
				later = append(later, n)
			}
		}
		return true
	})
	if writes || len(later) == 0 || later[0].Pos() < call.Pos() {
		return finding{}, false
	}
	if cond := conditional(t, call); cond != nil {
		for _, n := range later {
			if n.Pos() < cond.Pos() || n.Pos() >= cond.End() {
				return finding{}, false // created sometimes, used always: an input
			}
		}
	}
	filepath, edits, ok := c.importName(t, src, "path/filepath")
	if !ok {
		return finding{}, false
	}
	tn := t.T.Name()
	if c.lookupAt(lit.Pos(), tn) != t.T {
		return finding{}, false // the test's testing value is not in scope there
	}
	if _, isPkg := c.lookupAt(lit.Pos(), filepath).(*types.PkgName); !isPkg && len(edits) == 0 {
		return finding{}, false // the package's name is another's there
	}
	what := lit.Value
	if temp != nil {
		edits = append([]analysis.TextEdit{src.Replace(temp, tn+".TempDir()")}, src.DropImports(c.pass, t.File, temp)...)
		what = src.Text(def)
	} else {
		edits = append(edits, src.Replace(lit, filepath+".Join("+tn+".TempDir(), "+strconv.Quote(base)+")"))
	}
	return finding{
		key:    "path:" + p,
		what:   "creates the fixed path " + what + " (" + short(s.Effect.What) + ")",
		hazard: "other runs, tests and packages that go test runs at the same time share it",
		advice: "use a path under " + tn + ".TempDir()",
		edits:  edits,
	}, true
}

// lookupAt returns the object that name denotes at pos, or nil.
func (c *checker) lookupAt(pos token.Pos, name string) types.Object {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// valueDef returns the value that the one declaration of the local
// variable v in t's body gives it, outside any loop or function literal
// of the test.
func (c *checker) valueDef(t *tests.Test, v *types.Var) (ast.Expr, bool) {
	var def ast.Expr
	var defAt ast.Node
	defs := 0
	inspect(t, false, func(n ast.Node) bool {
		var names []*ast.Ident
		var values []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				return true
			}
			for _, l := range n.Lhs {
				id, _ := l.(*ast.Ident)
				names = append(names, id)
			}
			values = n.Rhs
		case *ast.ValueSpec:
			names, values = n.Names, n.Values
		default:
			return true
		}
		for j, name := range names {
			if name == nil || c.pass.TypesInfo.Defs[name] != v {
				continue
			}
			defs++
			if len(values) == len(names) {
				def, defAt = ast.Unparen(values[j]), n
			}
		}
		return true
	})
	if defs != 1 || def == nil {
		return nil, false
	}
	enclosing, _ := astutil.PathEnclosingInterval(t.File, defAt.Pos(), defAt.End())
	for _, n := range enclosing {
		if n == t.Body {
			return def, true
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return nil, false
		}
	}
	return nil, false
}

// tempDirJoin reports whether x is filepath.Join(os.TempDir(), "name"), a
// fixed name in the machine's temporary directory, and returns the call
// of os.TempDir and the name.
func (c *checker) tempDirJoin(x ast.Expr) (*ast.CallExpr, *ast.BasicLit, bool) {
	if _, ok := effects.TempDirName(c.pass.TypesInfo, x); !ok {
		return nil, nil, false
	}
	call := ast.Unparen(x).(*ast.CallExpr)
	temp := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	name, ok := ast.Unparen(call.Args[1]).(*ast.BasicLit)
	return temp, name, ok && name.Kind == token.STRING
}

// removedPaths returns the arguments of the calls to os.Remove and
// os.RemoveAll in t's body.
func (c *checker) removedPaths(t *tests.Test) map[ast.Node]bool {
	removals := make(map[ast.Node]bool)
	inspect(t, false, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if fn := c.calleeOf(call); fn != nil && (fn.FullName() == "os.Remove" || fn.FullName() == "os.RemoveAll") {
				removals[ast.Unparen(call.Args[0])] = true
			}
		}
		return true
	})
	return removals
}

// changesDir reports whether the test changes its working directory, which
// makes its relative paths its own.
func (c *checker) changesDir(t *tests.Test) bool {
	for _, s := range t.OwnSites(c.eff) {
		if s.Effect.Kind == catalog.Cwd {
			return true
		}
		if api, ok := catalog.Lookup(s.Effect.What); ok && api.Isolates == catalog.Cwd {
			return true
		}
	}
	for p := t.Parent; p != nil; p = p.Parent {
		if c.changesDir(p) {
			return true
		}
	}
	return false
}

// setupInOwnDir reports whether the site s is in a function literal of
// the test t (a table's setup func) and every subtest of t, where such a
// literal runs, changes its working directory: its relative paths are the
// subtest's own.
func (c *checker) setupInOwnDir(t *tests.Test, s effects.Site) bool {
	if len(t.Subtests) == 0 || s.Node == nil {
		return false
	}
	inLit := false
	ast.Inspect(t.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= s.Node.Pos() && s.Node.End() <= lit.End() {
			inLit = true
		}
		return !inLit
	})
	if !inLit {
		return false
	}
	for _, sub := range t.Subtests {
		if !c.changesDir(sub) {
			return false
		}
	}
	return true
}

// errorCheck returns the statement right after stmt that checks err and
// nothing else, when err is used nowhere else in the test: `if err != nil
// {…}` or testify's require.NoError(t, err).
func (c *checker) errorCheck(t *tests.Test, stmt ast.Stmt, errID *ast.Ident) ast.Stmt {
	errObj := c.pass.TypesInfo.Defs[errID]
	if errObj == nil {
		return nil // err is declared earlier and used elsewhere
	}
	var next ast.Stmt
	var block *ast.BlockStmt
	var uses []*ast.Ident
	redeclares := make(map[*ast.Ident]*ast.AssignStmt)
	ast.Inspect(t.Func, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c.pass.TypesInfo.Uses[n] == errObj {
				uses = append(uses, n)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						redeclares[id] = n
					}
				}
			}
		case *ast.BlockStmt:
			for i, st := range n.List {
				if st == stmt && i+1 < len(n.List) {
					next, block = n.List[i+1], n
				}
			}
		}
		return true
	})
	if next == nil {
		return nil
	}
	var inCheck []*ast.Ident
	for _, u := range uses {
		if u.Pos() >= next.Pos() && u.End() <= next.End() {
			inCheck = append(inCheck, u)
			continue
		}
		// Past the check, err may be used again only once a later
		// `x, err := …` of the same block declares it anew.
		if as := redeclares[u]; u.Pos() > next.End() && as != nil && fixes.TopStmt(block, as) == as {
			break
		}
		return nil
	}
	if len(inCheck) == 0 {
		return nil
	}
	uses = inCheck
	switch n := next.(type) {
	case *ast.IfStmt:
		bin, ok := n.Cond.(*ast.BinaryExpr)
		if n.Init != nil || n.Else != nil || !ok || bin.Op != token.NEQ {
			return nil
		}
		if x, ok := bin.X.(*ast.Ident); !ok || x != uses[0] {
			return nil
		}
		if tv, ok := c.pass.TypesInfo.Types[bin.Y]; !ok || !tv.IsNil() {
			return nil
		}
		return n
	case *ast.ExprStmt:
		call, ok := n.X.(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn := c.calleeOf(call)
		if fn == nil || fn.Pkg() == nil || fn.Name() != "NoError" || len(call.Args) < 2 || call.Args[1] != uses[0] {
			return nil
		}
		switch fn.Pkg().Path() {
		case "github.com/stretchr/testify/require", "github.com/stretchr/testify/assert":
			return n
		}
	}
	return nil
}

// socketFits reports whether a Unix socket named base in t.TempDir() has
// a path short enough for every system: macOS allows 104 bytes, and its
// temporary directory takes about 50. The testing package names the
// directory after the test, cut to 64 bytes, and adds a random number and
// a sequence number.
func socketFits(t *tests.Test, base string) bool {
	const limit, tmpdir, suffix = 104, 50, len("/1234567890/001/")
	name := len(t.Name)
	if strings.Contains(t.Name, "<") || name > 64 {
		name = 64 // a computed subtest name
	}
	return tmpdir+name+suffix+len(base) <= limit
}

// usedAgain reports whether the test itself uses a path it creates, so
// that no code it calls needs to know the path by heart: the call that
// creates it returns a handle (os.Create, os.OpenFile, net.Listen), or
// the test spells the path again for something else than removing it. A
// function the test passes the path to (direct is false) returns no
// handle to it that the test could know of.
func (c *checker) usedAgain(t *tests.Test, create *ast.CallExpr, direct bool, later []*ast.BasicLit) bool {
	if stmt, ok := fixes.Stmt(t.File, t.Func, create).(*ast.AssignStmt); direct && ok && len(stmt.Rhs) == 1 && stmt.Rhs[0] == create {
		if id, ok := stmt.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
			return true
		}
	}
	removals := c.removedPaths(t)
	for _, l := range later {
		if !removals[l] {
			return true
		}
	}
	return false
}

// asksAddr reports whether the test asks the listener held by lhs for
// its address, so that clients do not depend on the fixed port.
func (c *checker) asksAddr(t *tests.Test, lhs ast.Expr) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	ln := c.pass.TypesInfo.ObjectOf(id)
	found := false
	inspect(t, false, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Addr" {
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[x] == ln {
				found = true
			}
		}
		return !found
	})
	return found
}

// conditional returns the innermost branch of t's own body (an if or else
// block, a case of a switch or select) that holds call; nil when the call
// runs whenever the test's body does.
func conditional(t *tests.Test, call ast.Node) ast.Node {
	path, _ := astutil.PathEnclosingInterval(t.File, call.Pos(), call.End())
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.CaseClause, *ast.CommClause:
			return n
		case *ast.BlockStmt:
			if _, ok := parentIf(path, n); ok {
				return n
			}
		}
	}
	return nil
}

// parentIf reports whether block is the body or the else branch of an if
// statement in path.
func parentIf(path []ast.Node, block *ast.BlockStmt) (*ast.IfStmt, bool) {
	for i, n := range path {
		if n == block && i+1 < len(path) {
			if ifs, ok := path[i+1].(*ast.IfStmt); ok && (ifs.Body == block || ifs.Else == block) {
				return ifs, true
			}
		}
	}
	return nil, false
}

// listenResolved gives port 0 to a test that listens with net.ListenTCP
// (or ListenUDP) on a fixed port it resolved first, in its own body:
//
//	addr, err := net.ResolveTCPAddr("tcp", "127.0.0.1:9000")
//	…
//	ln, err := net.ListenTCP("tcp", addr)
//
// The address resolved gets port 0 and, when the test uses addr after the
// listen, the listener's address is put back into addr right after it
// (and the check of its error). The test must not use addr between the
// two but in the listen, nor assign it again.
func (c *checker) listenResolved(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	info := c.pass.TypesInfo
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || s.Callee != nil {
		return finding{}, false
	}
	addrID, ok := ast.Unparen(call.Args[1]).(*ast.Ident)
	if !ok {
		return finding{}, false
	}
	addr, ok := info.Uses[addrID].(*types.Var)
	if !ok {
		return finding{}, false
	}
	stmt := fixes.Stmt(t.File, t.Func, call)
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call || fixes.TopStmt(t.Body, stmt) != stmt {
		return finding{}, false
	}
	ln, ok := as.Lhs[0].(*ast.Ident)
	if !ok || ln.Name == "_" {
		return finding{}, false
	}
	// The one statement that gives addr its value: addr, err :=
	// net.ResolveTCPAddr(network, "host:port"), earlier in the same body.
	var resolve *ast.CallExpr
	for _, st := range t.Body.List {
		if st.Pos() >= stmt.Pos() {
			break
		}
		ra, ok := st.(*ast.AssignStmt)
		if !ok || ra.Tok != token.DEFINE || len(ra.Rhs) != 1 || len(ra.Lhs) != 2 {
			continue
		}
		if id, ok := ra.Lhs[0].(*ast.Ident); ok && info.Defs[id] == types.Object(addr) {
			resolve, _ = ast.Unparen(ra.Rhs[0]).(*ast.CallExpr)
		}
	}
	if resolve == nil {
		return finding{}, false
	}
	fn := c.calleeOf(resolve)
	if fn == nil || fn.FullName() != "net.ResolveTCPAddr" && fn.FullName() != "net.ResolveUDPAddr" {
		return finding{}, false
	}
	lit, ok := literalArg(resolve, 1)
	if !ok {
		return finding{}, false
	}
	host, port, err := net.SplitHostPort(stringValue(lit))
	if err != nil || port == "0" || port == "" {
		return finding{}, false
	}
	later, ok := c.laterUses(t, addr, addrID, stmt)
	if !ok {
		return finding{}, false
	}
	get, typ := ".Addr().(*", "TCPAddr)"
	if fn.Name() == "ResolveUDPAddr" {
		get, typ = ".LocalAddr().(*", "UDPAddr)"
	}
	repls, ok := c.addressUses(t, stmt, lit, port, ln.Name+strings.TrimSuffix(get, ".(*")+".String()", "")
	if !ok || len(repls) == 0 && !later && !c.asksAddr(t, as.Lhs[0]) {
		return finding{}, false // clients that know the port by heart may connect to it
	}
	edits := portZero(src, lit, host, repls)
	if later {
		sel, ok := ast.Unparen(resolve.Fun).(*ast.SelectorExpr)
		if !ok {
			return finding{}, false
		}
		next, ok := c.afterCheck(t, as)
		if !ok {
			return finding{}, false
		}
		edits = append(edits, src.InsertBefore(next, addr.Name()+" = "+ln.Name+get+src.Text(sel.X)+"."+typ))
	}
	return finding{
		key:    "port:" + port,
		what:   "listens on the fixed address " + lit.Value + " (" + short(s.Effect.What) + ")",
		hazard: "the port is machine-wide, so another run, test or package that listens on it at the same time fails",
		advice: "resolve port 0 and use the address " + ln.Name + strings.TrimSuffix(get, ".(*") + " gives",
		edits:  edits,
	}, true
}

// laterUses reports whether the test uses addr after the statement
// listen, and false when it uses it before, other than at the listen's
// use, or assigns it again.
func (c *checker) laterUses(t *tests.Test, addr *types.Var, atListen *ast.Ident, listen ast.Stmt) (later, ok bool) {
	ok = true
	ast.Inspect(t.Func, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c.pass.TypesInfo.Uses[n] != types.Object(addr) || n == atListen {
				return true
			}
			if n.Pos() < listen.End() {
				ok = false
			} else {
				later = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, isID := ast.Unparen(l).(*ast.Ident); isID && c.pass.TypesInfo.Uses[id] == types.Object(addr) {
					ok = false
				}
			}
		case *ast.UnaryExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && n.Op == token.AND && c.pass.TypesInfo.Uses[id] == types.Object(addr) {
				ok = false
			}
		}
		return ok
	})
	return later, ok
}

// afterCheck returns the statement of t's body before which the result of
// the listen as may first be used: the one after it, or after the check
// of its error that follows it (`if err != nil {…}`, require.NoError).
func (c *checker) afterCheck(t *tests.Test, as *ast.AssignStmt) (ast.Stmt, bool) {
	i := slices.Index(t.Body.List, ast.Stmt(as))
	if i < 0 || i+1 >= len(t.Body.List) {
		return nil, false
	}
	next := t.Body.List[i+1]
	var errObj types.Object
	if len(as.Lhs) == 2 {
		if id, ok := as.Lhs[1].(*ast.Ident); ok && id.Name != "_" {
			errObj = c.pass.TypesInfo.ObjectOf(id)
		}
	}
	if errObj != nil && c.checksErr(next, errObj) {
		if i+2 >= len(t.Body.List) {
			return nil, false
		}
		next = t.Body.List[i+2]
	}
	return next, true
}

// checksErr reports whether st checks err and stops the test when it is
// not nil: `if err != nil {…}` or testify's require.NoError(t, err).
func (c *checker) checksErr(st ast.Stmt, errObj types.Object) bool {
	isErr := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == errObj
	}
	switch st := st.(type) {
	case *ast.IfStmt:
		bin, ok := st.Cond.(*ast.BinaryExpr)
		return ok && st.Init == nil && bin.Op == token.NEQ && isErr(bin.X)
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok || len(call.Args) < 2 || !isErr(call.Args[1]) {
			return false
		}
		fn := c.calleeOf(call)
		return fn != nil && fn.Pkg() != nil && fn.Name() == "NoError" && fn.Pkg().Path() == "github.com/stretchr/testify/require"
	}
	return false
}

// pkgPath is path for a fixed path that a constant or variable of the
// package's test files holds, `const dbFile = "/tmp/test.db"`, passed as
// the argument id of call: the test declares, first thing, a variable of
// the same name that holds a path under t.TempDir(), which its uses then
// refer to. The name must be a string, given a literal where it is
// declared in a test file and never assigned again, and used only in
// the bodies of the package's top-level tests, each of which creates the
// path before any other use of it (a test that only reads it would find
// nothing where another test's fix put it). The test must use it again
// after the call, and spell the path in no literal.
func (c *checker) pkgPath(t *tests.Test, s effects.Site, src *fixes.Source, call *ast.CallExpr, id *ast.Ident, obj types.Object) (finding, bool) {
	info := c.pass.TypesInfo
	if b, ok := obj.Type().(*types.Basic); !ok || b.Info()&types.IsString == 0 || t.Kind != tests.TopLevel {
		return finding{}, false
	}
	lit, ok := c.pkgLiteral(obj)
	if !ok {
		return finding{}, false
	}
	p := path.Clean(stringValue(lit))
	base, ok := c.fixedPath(t, s, p)
	if !ok {
		return finding{}, false
	}
	tops := make(map[ast.Node]bool)
	for _, x := range c.tests.All() {
		if x.Kind == tests.TopLevel {
			tops[x.Func] = true
		}
	}
	// Every use, by function: only top-level tests, each creating the
	// path at its first use.
	first := make(map[*ast.FuncDecl]*ast.Ident)
	var order []*ast.FuncDecl
	assigned := false
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						if l, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[l] == obj {
							assigned = true
						}
					}
				case *ast.UnaryExpr:
					if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[x] == obj {
						assigned = true
					}
				case *ast.Ident:
					if info.Uses[n] != obj {
						return true
					}
					fd, ok := d.(*ast.FuncDecl)
					if !ok || !tops[fd] {
						assigned = true // used outside a test's body
						return true
					}
					if first[fd] == nil {
						first[fd] = n
						order = append(order, fd)
					}
				}
				return true
			})
		}
	}
	if fd, ok := t.Func.(*ast.FuncDecl); assigned || !ok || first[fd] != id {
		return finding{}, false
	}
	for _, fd := range order {
		if !c.createsAt(fd, first[fd]) {
			return finding{}, false
		}
	}
	// In this test: no literal spells the path, the test uses the name
	// again after the call (not only to remove it), outside any branch
	// that the call is not in.
	for _, l := range stringLits(t) {
		if cv := path.Clean(stringValue(l)); cv == p || strings.HasPrefix(cv, p+"/") {
			return finding{}, false
		}
	}
	removals := c.removedPaths(t)
	var later []ast.Node
	inspect(t, false, func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && info.Uses[x] == obj && x != id && !removals[x] {
			later = append(later, x)
		}
		return true
	})
	if len(later) == 0 {
		return finding{}, false // made for code that knows the path by heart
	}
	if cond := conditional(t, call); cond != nil {
		for _, n := range later {
			if n.Pos() < cond.Pos() || n.Pos() >= cond.End() {
				return finding{}, false // created sometimes, used always: an input
			}
		}
	}
	filepath, edits, ok := c.importName(t, src, "path/filepath")
	if !ok || len(t.Body.List) == 0 {
		return finding{}, false
	}
	if c.lookupAt(t.Body.List[0].Pos(), obj.Name()) != obj {
		return finding{}, false // another declaration of the name is in scope there
	}
	tn := t.T.Name()
	edits = append(edits, src.InsertFirst(t.Body, obj.Name()+" := "+filepath+".Join("+tn+".TempDir(), "+strconv.Quote(base)+")"))
	return finding{
		key:    "path:" + p,
		what:   "creates the fixed path " + lit.Value + " that " + obj.Name() + " holds (" + short(s.Effect.What) + ")",
		hazard: "other runs, tests and packages that go test runs at the same time share it",
		advice: "declare " + obj.Name() + " in the test, as a path under " + tn + ".TempDir()",
		edits:  edits,
	}, true
}

// pkgLiteral returns the string literal that the declaration of the
// package-level constant or variable obj, in a test file, gives it.
func (c *checker) pkgLiteral(obj types.Object) (*ast.BasicLit, bool) {
	for _, f := range c.pass.Files {
		if f.FileStart > obj.Pos() || obj.Pos() >= f.FileEnd {
			continue
		}
		if !strings.HasSuffix(c.pass.Fset.File(f.FileStart).Name(), "_test.go") {
			return nil, false
		}
		var lit *ast.BasicLit
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return lit == nil
			}
			for i, name := range vs.Names {
				if c.pass.TypesInfo.Defs[name] == obj && len(vs.Values) == len(vs.Names) {
					if l, ok := ast.Unparen(vs.Values[i]).(*ast.BasicLit); ok && l.Kind == token.STRING {
						lit = l
					}
				}
			}
			return false
		})
		return lit, lit != nil
	}
	return nil, false
}

// createsAt reports whether the use id of a path in the test fd is an
// argument of a call that creates the file or directory there.
func (c *checker) createsAt(fd *ast.FuncDecl, id *ast.Ident) bool {
	found := false
	c.eff.Walk(fd, func(s effects.Site) bool {
		call, ok := s.Node.(*ast.CallExpr)
		if !ok || s.Effect.Kind != catalog.Shared {
			return true
		}
		if api, ok := catalog.Lookup(s.Effect.What); !ok || !api.Creates {
			return true
		}
		for _, a := range call.Args {
			if ast.Unparen(a) == ast.Expr(id) {
				found = true
			}
		}
		return !found
	})
	return found
}

// serverAddr gives an http.Server that the test assembles with a literal
// Addr on a fixed port, and serves with ListenAndServe, a listener on
// port 0 of its own, ListenAndServe being net.Listen on Addr and Serve:
//
//	srv := &http.Server{Addr: "127.0.0.1:0", Handler: h}
//	ln, err := net.Listen("tcp", srv.Addr)
//	if err != nil {
//		t.Fatal(err)
//	}
//	go srv.Serve(ln)
//
// The test then reaches the server at ln.Addr() wherever it spelled the
// fixed address or read srv.Addr.
func (c *checker) serverAddr(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	info := c.pass.TypesInfo
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || s.Callee != nil {
		return finding{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return finding{}, false
	}
	serve := "Serve"
	switch sel.Sel.Name {
	case "ListenAndServe":
	case "ListenAndServeTLS":
		serve = "ServeTLS"
	default:
		return finding{}, false
	}
	recv, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return finding{}, false
	}
	srv, ok := info.Uses[recv].(*types.Var)
	if !ok {
		return finding{}, false
	}
	// It serves in the test's own statements, or in a goroutine the test
	// starts with them.
	stmt := fixes.TopStmt(t.Body, call)
	if _, isGo := stmt.(*ast.GoStmt); !isGo && fixes.Stmt(t.File, t.Func, call) == nil {
		return finding{}, false
	}
	def, lit := c.serverLiteral(t, srv)
	if stmt == nil || def == nil || def.Pos() >= stmt.Pos() {
		return finding{}, false
	}
	host, port, err := net.SplitHostPort(stringValue(lit))
	if err != nil || port == "" || port == "0" {
		return finding{}, false
	}
	// srv is assigned once, its Addr never, and it listens once; reads of
	// srv.Addr come after the listen, in the test's own statements.
	var addrReads []ast.Node
	listens := 0
	ok = true
	ast.Inspect(t.Func, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				x := ast.Unparen(lhs)
				if s, isSel := x.(*ast.SelectorExpr); isSel && s.Sel.Name == "Addr" {
					x = ast.Unparen(s.X)
				}
				if id, isID := x.(*ast.Ident); isID && info.Uses[id] == types.Object(srv) {
					ok = false // srv or its Addr assigned again
				}
			}
		case *ast.UnaryExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); n.Op == token.AND && isID && info.Uses[id] == types.Object(srv) {
				ok = false // its address escapes: anything may change it
			}
		case *ast.SelectorExpr:
			id, isID := ast.Unparen(n.X).(*ast.Ident)
			if !isID || info.Uses[id] != types.Object(srv) {
				return true
			}
			switch n.Sel.Name {
			case "Addr":
				if n.Pos() < stmt.End() {
					ok = false
				}
				addrReads = append(addrReads, n)
			case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
				listens++
			}
		}
		return ok
	})
	if !ok || listens != 1 {
		return finding{}, false
	}
	ln := c.names.Fresh(c.pass, stmt.Pos(), "ln", "")
	repls, ok := c.addressUses(t, stmt, lit, port, ln+".Addr().String()", "")
	if !ok || len(repls) == 0 && len(addrReads) == 0 {
		return finding{}, false // clients that know the port by heart may connect to it
	}
	errName := "err"
	if obj := c.lookupAt(stmt.Pos(), "err"); obj != nil && !types.Identical(obj.Type(), types.Universe.Lookup("error").Type()) {
		errName = c.names.Fresh(c.pass, stmt.Pos(), "err", "")
	} else if obj == nil && declaresOnly(t.Body, stmt, "err") {
		return finding{}, false // a later err := would declare no new variable
	}
	netName, edits, ok := c.importName(t, src, "net")
	if !ok {
		return finding{}, false
	}
	tn := t.T.Name()
	listen := fmt.Sprintf("%[1]s, %[2]s := %[3]s.Listen(\"tcp\", %[4]s.Addr)\nif %[2]s != nil {\n\t%[5]s.Fatal(%[2]s)\n}",
		ln, errName, netName, srv.Name(), tn)
	edits = append(edits, portZero(src, lit, host, repls)...)
	edits = append(edits, src.InsertBefore(stmt, listen))
	args := ln
	for _, a := range call.Args {
		args += ", " + src.Text(a)
	}
	edits = append(edits, src.Replace(call, src.Text(sel.X)+"."+serve+"("+args+")"))
	for _, r := range addrReads {
		edits = append(edits, src.Replace(r, ln+".Addr().String()"))
	}
	return finding{
		key:    "port:" + port,
		what:   "serves on the fixed address " + lit.Value + " (" + short(s.Effect.What) + ")",
		hazard: "the port is machine-wide, so another run, test or package that listens on it at the same time fails",
		advice: "serve on a listener on port 0 and use the address " + ln + ".Addr() gives",
		edits:  edits,
	}, true
}

// serverLiteral returns the statement of the test's own body that
// declares srv with an http.Server composite literal (srv :=
// &http.Server{…} or http.Server{…}), and the string literal of its Addr.
func (c *checker) serverLiteral(t *tests.Test, srv *types.Var) (ast.Stmt, *ast.BasicLit) {
	for _, st := range t.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if id, ok := as.Lhs[0].(*ast.Ident); !ok || c.pass.TypesInfo.Defs[id] != types.Object(srv) {
			continue
		}
		rhs := ast.Unparen(as.Rhs[0])
		if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
			rhs = ast.Unparen(u.X)
		}
		cl, ok := rhs.(*ast.CompositeLit)
		if !ok {
			return nil, nil
		}
		for _, elt := range cl.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Addr" {
				if lit, ok := ast.Unparen(kv.Value).(*ast.BasicLit); ok && lit.Kind == token.STRING {
					return st, lit
				}
			}
		}
		return nil, nil
	}
	return nil, nil
}

// declaresOnly reports whether a statement of body's own list after
// stmt declares name with := and no other new variable: it would declare
// nothing once name is declared before it.
func declaresOnly(body *ast.BlockStmt, stmt ast.Stmt, name string) bool {
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || st.Pos() <= stmt.Pos() || as.Tok != token.DEFINE {
			continue
		}
		named, others := false, false
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == name {
				named = true
			} else if ok && id.Name != "_" {
				others = true
			}
		}
		if named && !others {
			return true
		}
	}
	return false
}
