package uniquekeys

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/docs"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/ignore"
	"github.com/isolint/isolint/internal/tests"
)

//go:embed doc.go
var doc string

// Analyzer reports literal values that tests use as unique keys in an
// external store every test shares.
var Analyzer = &analysis.Analyzer{
	Name:             "uniquekeys",
	Doc:              docs.Extract(doc, "uniquekeys"),
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/analyzers/uniquekeys",
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, ignore.Analyzer},
	FactTypes:        []analysis.Fact{new(sqliteBuild)},
}

// A key is a string literal that a test hands to a store as a unique
// value: the first signal says it is meant to be unique, the store call
// it reaches is the second.
type key struct {
	lit   *ast.BasicLit
	value string
	why   string // "column email", "field Email (gorm:"uniqueIndex")", "parameter key"
	name  string // the identity it is: "email", "key"; base of a variable's name
	site  effects.Site
	// set, for an integer primary key the test fixes, is the model
	// field whose element the fix removes.
	set modelField
	// inline is true for a value written in the SQL text that lit is,
	// INSERT … VALUES ('alice@example.com'), not lit's whole value.
	inline bool
}

type checker struct {
	pass    *analysis.Pass
	eff     *effects.Result
	tests   *tests.Result
	rep     *ignore.Reporter
	claimed map[*ast.BasicLit]bool
	names   fixes.Names // the names the pass's fixes declare
}

func run(pass *analysis.Pass) (any, error) {
	rep := ignore.NewReporter(pass)
	defer rep.Close()
	if usesLocalStore(pass) {
		return nil, nil // the tests talk to a fake in their own process
	}
	c := &checker{
		pass:    pass,
		eff:     pass.ResultOf[effects.Analyzer].(*effects.Result),
		tests:   pass.ResultOf[tests.Analyzer].(*tests.Result),
		rep:     rep,
		claimed: make(map[*ast.BasicLit]bool),
	}
	type found struct {
		t    *tests.Test
		keys []key
	}
	var all []found
	var created []creation
	roots := make(map[string]map[ast.Node]bool)   // the tests that use each value as a key
	writers := make(map[string]map[ast.Node]bool) // the tests and subtests that do
	own := make(map[*ast.BasicLit]bool)           // keys written to a store of the test's own
	for _, t := range c.tests.All() {
		if t.Root().Kind != tests.TopLevel {
			continue // benchmarks and fuzz targets run apart from go test's default run
		}
		var keys []key
		for _, k := range c.keys(t) {
			if c.ownStore(t, k) {
				own[k.lit] = true
				continue // the test made the store itself: nobody else sees it
			}
			keys = append(keys, k)
		}
		for _, k := range keys {
			if roots[k.value] == nil {
				roots[k.value] = make(map[ast.Node]bool)
				writers[k.value] = make(map[ast.Node]bool)
			}
			roots[k.value][t.Root().Func] = true
			writers[k.value][t.Func] = true
		}
		all = append(all, found{t, keys})
		created = append(created, c.creations(t)...)
	}
	// A package that starts every run with a fresh store (TestMain drops
	// and recreates it) collides only with itself: on a value that two of
	// its tests use. A test that recreates the store itself collides with
	// nothing.
	// A value that another test uses but does not write as a key (it reads
	// what this one wrote) would be lost to it by a fix in one test.
	elsewhere := c.usedBy(roots, own)
	freshRun := c.freshRun()
	freshTest := make(map[ast.Node]bool)
	for _, f := range all {
		root := f.t.Root().Func
		if _, ok := freshTest[root]; !ok {
			freshTest[root] = c.fresh(root, 0, make(map[ast.Node]bool))
		}
		if freshTest[root] {
			continue
		}
		seen := make(map[string]bool)
		looped := parallelLoop(f.t)
		cleans := c.cleansUp(f.t.Root().Func)
		for _, k := range f.keys {
			if seen[k.value] || c.claimed[k.lit] || elsewhere[k.value] {
				continue
			}
			// A collision needs a second writer of the value: another
			// test or subtest, the parallel iterations of a table loop,
			// or the next run of this very test, when the store keeps
			// the value unique and nothing removes it in between.
			rerun := !freshRun && !cleans && (enforcesUnique(k) || c.countAsserted(f.t, k))
			if len(writers[k.value]) < 2 && !looped && !rerun {
				continue
			}
			seen[k.value] = true
			c.report(f.t, k)
		}
	}
	c.reportCreations(created, freshRun)
	return nil, nil
}

// usedBy returns the values of keys that some other code of the tests
// uses: a test that does not write them as keys, a helper, a package-level
// declaration of a test file. roots maps each key value to the tests that
// write it; own are the literals written to a store of a test's own,
// which touch no other test's data.
func (c *checker) usedBy(roots map[string]map[ast.Node]bool, own map[*ast.BasicLit]bool) map[string]bool {
	out := make(map[string]bool)
	for _, file := range c.pass.Files {
		tok := c.pass.Fset.File(file.FileStart)
		if tok == nil || !strings.HasSuffix(tok.Name(), "_test.go") {
			continue
		}
		for _, d := range file.Decls {
			ast.Inspect(d, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && own[lit] {
					return true
				}
				if v, ok := c.stringValue(n); ok && roots[v] != nil && !roots[v][d] {
					out[v] = true
				}
				return true
			})
		}
	}
	return out
}

// freshRun reports whether the package's TestMain, or an init function of
// its tests, starts each run with a fresh store.
func (c *checker) freshRun() bool {
	for _, file := range c.pass.Files {
		tok := c.pass.Fset.File(file.FileStart)
		if tok == nil || !strings.HasSuffix(tok.Name(), "_test.go") {
			continue
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if ok && fd.Recv == nil && fd.Body != nil && (fd.Name.Name == "TestMain" || fd.Name.Name == "init") && c.fresh(fd, 0, make(map[ast.Node]bool)) {
				return true
			}
		}
	}
	return false
}

// fresh reports whether fn, or a function of this package it calls,
// drops, empties or creates the store it works on: a DropTable or
// FlushAll method, or SQL text that drops, truncates or creates a table,
// schema or database.
func (c *checker) fresh(fn ast.Node, depth int, seen map[ast.Node]bool) bool {
	if fn == nil || depth > 3 || seen[fn] {
		return false
	}
	seen[fn] = true
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING && recreates(n.Value) {
				found = true
			}
		case *ast.CallExpr:
			callee, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
			if !ok {
				return true
			}
			switch callee.Name() {
			case "DropTable", "DropTables", "DropDatabase", "DropSchema", "FlushAll", "FlushDB", "FlushDb", "FlushAllAsync", "FlushDBAsync":
				found = true
				return false
			}
			if callee.Pkg() == c.pass.Pkg {
				if decl, _ := c.tests.Decl(callee); decl != nil && c.fresh(decl, depth+1, seen) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// recreates reports whether SQL text drops, empties or creates a table,
// schema or database.
func recreates(sql string) bool {
	up := strings.ToUpper(sql)
	for _, s := range []string{"DROP TABLE", "DROP DATABASE", "DROP SCHEMA", "TRUNCATE ", "CREATE DATABASE", "CREATE SCHEMA", "CREATE TEMP"} {
		if strings.Contains(up, s) {
			return true
		}
	}
	return false
}

// usesLocalStore reports whether the package imports an in-process
// stand-in for a store, or its build includes a SQLite driver: a SQLite
// database is a file or the memory of the test process, and tests that
// share one share a fixed path, not a server. It exports the fact that
// the package's build includes SQLite for the packages that import it.
func usesLocalStore(pass *analysis.Pass) bool {
	if pass.Pkg == nil {
		return false
	}
	local := false
	var driver string
	for _, imp := range pass.Pkg.Imports() {
		var f sqliteBuild
		switch {
		case catalog.LocalStore(imp.Path()):
			local = true
		case catalog.SQLite(imp.Path()):
			driver = imp.Path()
		case driver == "" && pass.ImportPackageFact(imp, &f):
			driver = f.Driver
		}
	}
	if driver != "" && importable(pass) {
		pass.ExportPackageFact(&sqliteBuild{Driver: driver})
	}
	return local || driver != ""
}

// importable reports whether other packages may import the package: it
// is no command and no test variant, whose facts nobody would read.
func importable(pass *analysis.Pass) bool {
	if pass.Pkg.Name() == "main" {
		return false
	}
	for _, f := range pass.Files {
		if tok := pass.Fset.File(f.FileStart); tok != nil && strings.HasSuffix(tok.Name(), "_test.go") {
			return false
		}
	}
	return true
}

// sqliteBuild is the fact that a package's build includes a SQLite
// driver.
type sqliteBuild struct {
	// Driver is the SQLite driver's import path.
	Driver string
}

// AFact marks sqliteBuild as an analysis fact.
func (*sqliteBuild) AFact() {}

func (f *sqliteBuild) String() string { return "sqlite " + f.Driver }

// keys returns the keys of one test's own store calls, in source order.
func (c *checker) keys(t *tests.Test) []key {
	var keys []key
	sites := c.eff.Sites(t.Func)
	// The arguments of calls to helpers that write them to a store.
	persists := make(map[ast.Node][]int)
	for _, s := range sites {
		if s.Effect.Kind == catalog.Persists && s.Callee != nil && s.Effect.Param >= 0 {
			persists[s.Node] = append(persists[s.Node], s.Effect.Param)
		}
	}
	for _, s := range sites {
		call, ok := s.Node.(*ast.CallExpr)
		if !ok || s.Effect.Kind != catalog.Store {
			continue
		}
		keys = append(keys, c.callKeys(t, call, s, persists[call])...)
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].lit.Pos() < keys[j].lit.Pos() })
	return keys
}

// callKeys returns the unique-by-intent literals of a store call;
// persisted are the indices of the arguments that a helper call writes to
// the store.
func (c *checker) callKeys(t *tests.Test, call *ast.CallExpr, s effects.Site, persisted []int) []key {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	sig := fn.Signature()
	var out []key
	add := func(e ast.Expr, why, name string) {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		tv, ok := info.Types[lit]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return
		}
		v := constant.StringVal(tv.Value)
		if !keyLike(v) {
			return
		}
		out = append(out, key{lit: lit, value: v, why: why, name: name, site: s})
	}
	// A parameter that names an identity, of a call that may write: a
	// read of a fixed key collides with nothing unless something writes
	// it, and then that write is the finding.
	read := reads(fn.Name())
	for i, arg := range call.Args {
		if read {
			break
		}
		if p := paramAt(sig, i, call.Ellipsis.IsValid()); p != nil && identity(p.Name()) {
			name := p.Name()
			if sig.Variadic() && i >= sig.Params().Len()-1 {
				name = singular(name) // one of keys ...string is a key
			}
			add(arg, "parameter "+p.Name(), name)
		}
	}
	// A column of a simple INSERT bound to a placeholder argument.
	if q, ok := queryArg(info, sig, call); ok {
		if cols, ok := insertColumns(q.text); ok {
			for col, arg := range cols {
				i := q.index + arg
				if i < len(call.Args) && identity(col) {
					add(call.Args[i], "column "+col, camel(col))
				}
			}
		}
		if k, ok := inlineKey(call.Args[q.index-1], q.text, s); ok {
			out = append(out, k)
		}
	}
	// A field tagged unique in a model that the call writes: any
	// argument of a store method that inserts, the arguments that a
	// helper writes.
	if s.Callee == nil && !catalog.StoreWrite(fn.FullName()) {
		return out
	}
	for i, arg := range call.Args {
		if s.Callee != nil && !slices.Contains(persisted, i) {
			continue
		}
		for _, mf := range c.modelFields(t, arg) {
			why := fmt.Sprintf("field %s (%s)", mf.field.Name(), mf.tag)
			if id, ok := c.explicitID(mf); ok {
				out = append(out, key{lit: id, value: "id " + id.Value, why: why, name: mf.field.Name(), site: s, set: mf})
				continue
			}
			add(mf.value, why, mf.field.Name())
		}
	}
	return out
}

// inlineKey returns the key that an INSERT statement writes in its own
// text, INSERT INTO users (email) VALUES ('alice@example.com'), when the
// query is a string literal of the call and has exactly one identity
// column given a literal.
func inlineKey(arg ast.Expr, text string, s effects.Site) (key, bool) {
	lit, ok := ast.Unparen(arg).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return key{}, false
	}
	vals, ok := insertLiterals(text)
	if !ok {
		return key{}, false
	}
	var found []key
	for col, v := range vals {
		if identity(col) && keyLike(v) {
			found = append(found, key{lit: lit, value: v, why: "column " + col + " in the SQL text", name: camel(col), site: s, inline: true})
		}
	}
	if len(found) != 1 {
		return key{}, false // one fix per literal: two would edit it both
	}
	return found[0], true
}

// explicitID returns the integer literal that a model literal sets its
// auto-incremented primary key to: the database would choose the key
// itself, and one fixed by the test collides with another test's row.
func (c *checker) explicitID(mf modelField) (*ast.BasicLit, bool) {
	lit, ok := ast.Unparen(mf.value).(*ast.BasicLit)
	if !ok || lit.Kind != token.INT || lit.Value == "0" {
		return nil, false
	}
	b, ok := mf.field.Type().Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return nil, false
	}
	return lit, autoIncrement(mf.tag)
}

// autoIncrement reports whether the ORM tag (as uniqueTag returns it:
// gorm:"…") makes an integer primary key one the database assigns: gorm's
// primary keys are, unless autoIncrement:false; bun's and xorm's when
// their tag says so.
func autoIncrement(tag string) bool {
	orm, v, _ := strings.Cut(tag, ":")
	v, err := strconv.Unquote(v)
	if err != nil {
		return false
	}
	lower := strings.ToLower(v)
	switch orm {
	case "gorm":
		return (strings.Contains(lower, "primarykey") || strings.Contains(lower, "primary_key")) &&
			!strings.Contains(strings.ReplaceAll(lower, " ", ""), "autoincrement:false")
	case "bun":
		return strings.Contains(lower, ",pk") && strings.Contains(lower, "autoincrement")
	case "xorm":
		return strings.Contains(" "+lower+" ", " pk ") && strings.Contains(lower, "autoincr")
	}
	return false
}

// paramAt returns the parameter that the i-th argument of a call binds.
func paramAt(sig *types.Signature, i int, spread bool) *types.Var {
	params := sig.Params()
	n := params.Len()
	if n == 0 {
		return nil
	}
	if i < n-1 || !sig.Variadic() && i < n {
		return params.At(i)
	}
	if sig.Variadic() && !spread {
		p := params.At(n - 1)
		if s, ok := p.Type().(*types.Slice); ok && isString(s.Elem()) {
			return p // keys ...string
		}
	}
	return nil
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// keyLike reports whether a literal value can be a key worth randomizing:
// not empty, not a pattern or format, not a number or UUID whose type the
// store may check.
func keyLike(v string) bool {
	if strings.TrimSpace(v) == "" || strings.ContainsAny(v, "%*?{}\n") {
		return false
	}
	digits := true
	for _, r := range v {
		if r < '0' || r > '9' {
			digits = false
		}
	}
	return !digits && !uuidLike(v)
}

func uuidLike(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i, r := range v {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

// identities are the words that make a parameter or column name an
// identity, which a store keeps unique.
var identities = map[string]bool{
	"email": true, "username": true, "login": true, "slug": true, "key": true, "keys": true,
	"id": true, "uuid": true, "topic": true, "topics": true, "bucket": true, "queue": true,
	"table": true, "database": true, "db": true, "namespace": true, "tenant": true,
	"channel": true, "channels": true, "stream": true, "schema": true, "keyspace": true,
}

// identity reports whether a parameter or column name says identity:
// email, userID, user_email, bucketName, dbName.
func identity(name string) bool {
	if name == "" || name == "_" {
		return false
	}
	words := splitWords(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if last == "name" && len(words) > 1 {
		last = words[len(words)-2] // tableName, dbName
		return identities[last] && last != "key" && last != "id"
	}
	if len(words) > 1 && (last == "db" || last == "channel" || last == "stream" || last == "schema") {
		return false // fooDB is a handle, not a name
	}
	return identities[last]
}

// splitWords splits a Go or SQL name into lower-case words: userID → user
// id, user_email → user email.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	runes := []rune(name)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range runes {
		switch {
		case r == '_' || r == '-' || r == '.':
			flush()
			continue
		case r >= 'A' && r <= 'Z':
			lowerBefore := i > 0 && runes[i-1] >= 'a' && runes[i-1] <= 'z'
			upperRun := i > 0 && runes[i-1] >= 'A' && runes[i-1] <= 'Z' && i+1 < len(runes) && runes[i+1] >= 'a' && runes[i+1] <= 'z'
			if lowerBefore || upperRun {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// camel turns a column name into a variable name: user_email → userEmail.
func camel(col string) string {
	words := splitWords(col)
	for i := 1; i < len(words); i++ {
		words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
	}
	return strings.Join(words, "")
}

// A query is the constant SQL text a call passes, followed by its
// arguments.
type query struct {
	text  string
	index int // of the argument that the first placeholder binds
}

// queryArg finds, in a call to a variadic function, the constant string
// argument just before the variadic ones, which may be absent: the SQL
// text of Exec(query, args...) and its many cousins.
func queryArg(info *types.Info, sig *types.Signature, call *ast.CallExpr) (query, bool) {
	n := sig.Params().Len()
	if !sig.Variadic() || n < 2 || call.Ellipsis.IsValid() || len(call.Args) < n-1 {
		return query{}, false
	}
	qi := n - 2
	if !isString(sig.Params().At(qi).Type()) {
		return query{}, false
	}
	tv, ok := info.Types[call.Args[qi]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return query{}, false
	}
	return query{text: constant.StringVal(tv.Value), index: qi + 1}, true
}

// A modelField is a field of a model literal that a store keeps unique,
// set to a value.
type modelField struct {
	field *types.Var
	tag   string
	value ast.Expr
	kv    *ast.KeyValueExpr // the element that sets it
	lit   *ast.CompositeLit // the model literal
}

// modelFields returns the unique fields set in the model literal that arg
// is, points to, or names (a variable the test declared with one), and in
// the elements of a slice literal of models.
func (c *checker) modelFields(t *tests.Test, arg ast.Expr) []modelField {
	info := c.pass.TypesInfo
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		e = c.definition(t, info.Uses[id])
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	return c.literalFields(lit, 0)
}

func (c *checker) literalFields(lit *ast.CompositeLit, depth int) []modelField {
	info := c.pass.TypesInfo
	typ := info.TypeOf(lit)
	if typ == nil || depth > 2 {
		return nil
	}
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	switch u := typ.Underlying().(type) {
	case *types.Slice, *types.Array:
		var out []modelField
		for _, el := range lit.Elts {
			el = ast.Unparen(el)
			if un, ok := el.(*ast.UnaryExpr); ok && un.Op == token.AND {
				el = ast.Unparen(un.X)
			}
			if cl, ok := el.(*ast.CompositeLit); ok {
				out = append(out, c.literalFields(cl, depth+1)...)
			}
		}
		return out
	case *types.Struct:
		var out []modelField
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			for i := range u.NumFields() {
				f := u.Field(i)
				if f.Name() != id.Name {
					continue
				}
				if tag, ok := uniqueTag(u.Tag(i)); ok {
					out = append(out, modelField{field: f, tag: tag, value: kv.Value, kv: kv, lit: lit})
				}
			}
		}
		return out
	}
	return nil
}

// definition returns the value a local variable of the test is declared
// with, when the declaration is a plain v := x or var v = x in the test.
func (c *checker) definition(t *tests.Test, obj types.Object) ast.Expr {
	if obj == nil || obj.Pos() < t.Body.Pos() || obj.Pos() > t.Body.End() {
		return nil
	}
	var found ast.Expr
	ast.Inspect(t.Body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.Defs[id] == obj {
						found = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if c.pass.TypesInfo.Defs[id] == obj {
						found = n.Values[i]
					}
				}
			}
		}
		return true
	})
	return found
}

// uniqueTag reports whether a struct tag marks its field as kept unique by
// an ORM or mapper, and returns the tag's relevant part for messages.
func uniqueTag(tag string) (string, bool) {
	st := reflect.StructTag(tag)
	if v, ok := st.Lookup("gorm"); ok {
		for opt := range strings.SplitSeq(v, ";") {
			name, _, _ := strings.Cut(opt, ":")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "primarykey", "primary_key", "unique", "uniqueindex", "unique_index":
				return fmt.Sprintf("gorm:%q", v), true
			}
		}
	}
	// bun and go-pg spell options alike: name,pk or name,unique.
	for _, orm := range []string{"bun", "pg"} {
		v, ok := st.Lookup(orm)
		if !ok {
			continue
		}
		opts := strings.Split(v, ",")
		for _, opt := range opts[1:] {
			name, _, _ := strings.Cut(opt, ":")
			if name == "pk" || name == "unique" {
				return fmt.Sprintf("%s:%q", orm, v), true
			}
		}
	}
	if v, ok := st.Lookup("xorm"); ok {
		for word := range strings.FieldsSeq(v) {
			switch strings.ToLower(word) {
			case "pk", "unique":
				return fmt.Sprintf("xorm:%q", v), true
			}
			if strings.HasPrefix(strings.ToLower(word), "unique(") {
				return fmt.Sprintf("xorm:%q", v), true
			}
		}
	}
	return "", false
}

// readWords and writeWords are the words of a method name that say it
// reads, or writes, what it is given.
var (
	readWords = map[string]bool{
		"get": true, "watch": true, "find": true, "list": true, "load": true, "read": true, "fetch": true,
		"exists": true, "has": true, "count": true, "lookup": true, "scan": true, "select": true,
		"query": true, "subscribe": true, "psubscribe": true, "ssubscribe": true, "keys": true, "ttl": true,
		"pttl": true, "stat": true, "describe": true, "head": true, "is": true, "check": true,
		"validate": true, "search": true, "range": true, "members": true, "vals": true, "len": true,
		"card": true, "score": true, "rank": true, "index": true, "type": true, "dump": true,
	}
	writeWords = map[string]bool{
		"set": true, "del": true, "delete": true, "ex": true, "create": true, "put": true, "insert": true,
		"add": true, "save": true, "update": true, "upsert": true, "push": true, "pop": true, "incr": true,
		"decr": true, "remove": true, "append": true, "publish": true, "write": true, "store": true,
	}
)

// reads reports whether a function's name says it only reads: Get,
// FindUser, HGetAll, but not GetSet or GetDel.
func reads(name string) bool {
	words := splitWords(name)
	if len(words) > 1 && len(words[0]) == 1 {
		words = words[1:] // go-redis's HGet, LRange, SMembers, ZScore
	}
	if len(words) == 0 || !readWords[words[0]] {
		return false
	}
	for _, w := range words[1:] {
		if writeWords[w] {
			return false
		}
	}
	return true
}

// enforcesUnique reports whether the store rejects a second write of the
// key, so that a rerun of the test (go test -count=2, or the next CI run
// on the same server) fails: a column of an SQL INSERT, a field an ORM
// keeps unique, or an identity passed to a helper that reaches an SQL
// database. A key-value store or a broker overwrites or appends instead.
func enforcesUnique(k key) bool {
	if strings.HasPrefix(k.why, "column ") || strings.HasPrefix(k.why, "field ") {
		return true
	}
	what := k.site.Effect.What
	for _, p := range []string{"database/sql", "jackc/pgx", "jmoiron/sqlx", "gorm.io/gorm", "uptrace/bun", "xorm"} {
		if strings.Contains(what, p) {
			return true
		}
	}
	return false
}

// countAsserted reports whether the test adds to the key with a command
// that accumulates rather than overwrites (Incr, IncrBy, LPush, SAdd,
// Append, …), compares what the command returns with a constant, and
// does not delete the key in a defer or t.Cleanup: the count then holds
// only on a server where the key did not exist, so a run that failed
// before deleting it, or another go test process on the same key, makes
// the next run fail. go-redis's own suite asserts Incr("mn:n") == 1.
func (c *checker) countAsserted(t *tests.Test, k key) bool {
	call, ok := k.site.Node.(*ast.CallExpr)
	if !ok || k.site.Callee != nil {
		return false
	}
	if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); !ok || !accumulates(fn.Name()) {
		return false
	}
	if !c.comparedWithConstant(t, call) || c.setBefore(t, k.value, call) {
		return false
	}
	deleted := false
	ast.Inspect(t.Root().Func, func(n ast.Node) bool {
		var body ast.Node
		switch n := n.(type) {
		case *ast.DeferStmt:
			body = n.Call
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func); ok && fn.Name() == "Cleanup" && fn.Pkg() != nil && fn.Pkg().Path() == "testing" {
				body = n
			}
		}
		if body != nil {
			ast.Inspect(body, func(m ast.Node) bool {
				if v, ok := c.stringValue(m); ok && v == k.value {
					deleted = true
				}
				return !deleted
			})
		}
		return !deleted
	})
	return !deleted
}

// setBefore reports whether the test writes the key v with a command that
// neither reads nor adds to it (Set, Del) before call: the count then
// starts from a value the test established.
func (c *checker) setBefore(t *tests.Test, v string, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(t.Root().Func, func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		if found || !ok || ce.Pos() >= call.Pos() {
			return !found
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, ce).(*types.Func)
		if !ok || accumulates(fn.Name()) || reads(fn.Name()) {
			return true
		}
		for _, a := range ce.Args {
			if s, ok := c.stringValue(a); ok && s == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// accumulates reports whether a store command's name says it adds to
// what the key holds: Incr, IncrBy, HIncrBy, Decr, LPush, RPush, SAdd,
// ZAdd, PFAdd, Append.
func accumulates(name string) bool {
	words := splitWords(name)
	if len(words) > 1 && len(words[0]) == 1 {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "incr", "decr", "push", "add", "append":
		return true
	}
	return false
}

// comparedWithConstant reports whether the test compares the result of
// call with a constant: call.Val() == 1, or, for r := call, r.Val() != 1
// or n, err := r.Result() then n != 1.
func (c *checker) comparedWithConstant(t *tests.Test, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	// The expressions that stand for the command's value: the call, and
	// the variables it, or its Val() or Result(), is assigned to.
	vals := map[types.Object]bool{}
	isVal := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ce, ok := e.(*ast.CallExpr); ok && len(ce.Args) == 0 {
			if sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Val" || sel.Sel.Name == "Result") {
				e = ast.Unparen(sel.X)
			}
		}
		if e == call {
			return true
		}
		id, ok := e.(*ast.Ident)
		return ok && vals[info.Uses[id]]
	}
	ast.Inspect(t.Root().Func, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && isVal(as.Rhs[0]) && len(as.Lhs) > 0 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok {
				if o := info.ObjectOf(id); o != nil {
					vals[o] = true
				}
			}
		}
		return true
	})
	constant := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		return ok && tv.Value != nil
	}
	found := false
	ast.Inspect(t.Root().Func, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isVal(n.X) && constant(n.Y) || isVal(n.Y) && constant(n.X)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// cleansUp reports whether a test removes rows itself: SQL text that
// deletes them, so that its next run does not meet them.
func (c *checker) cleansUp(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(strings.ToUpper(lit.Value), "DELETE FROM") {
			found = true
		}
		return !found
	})
	return found
}

// parallelLoop reports whether a subtest, or one of its ancestors, is a
// parallel subtest started in a loop: its iterations run at the same time
// and write the same literal keys.
func parallelLoop(t *tests.Test) bool {
	for ; t != nil && t.Parent != nil; t = t.Parent {
		if t.Parallel != nil && t.Run != nil && inLoop(t.Parent.Body, t.Run) {
			return true
		}
	}
	return false
}

// inLoop reports whether node lies in the body of a for or range
// statement of body.
func inLoop(body *ast.BlockStmt, node ast.Node) bool {
	if body == nil {
		return false
	}
	found := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if n == node {
			for _, a := range stack {
				switch a.(type) {
				case *ast.ForStmt, *ast.RangeStmt:
					found = true
				}
			}
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && len(stack) > 0 {
			return false // another function's loops
		}
		stack = append(stack, n)
		return true
	})
	return found
}

// ownStore reports whether the store a key goes to is one the test made
// itself, in its own function: a client closed before the write (which
// then fails and writes nothing), a store built without naming a server
// (an in-process cache), or a client of a server that the test starts.
// It follows the receiver of a direct call and the arguments of a helper.
func (c *checker) ownStore(t *tests.Test, k key) bool {
	call, ok := k.site.Node.(*ast.CallExpr)
	if !ok {
		return false
	}
	var cands []ast.Expr
	if k.site.Callee == nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			cands = append(cands, sel.X)
		}
	} else {
		for _, a := range call.Args {
			if storeType(c.pass.TypesInfo.TypeOf(a)) {
				cands = append(cands, a)
			}
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			cands = append(cands, sel.X)
		}
	}
	root := t.Root().Func
	for _, e := range cands {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			continue
		}
		obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || obj.Pos() < root.Pos() || obj.Pos() > root.End() {
			continue // not a variable of the test
		}
		if c.closedBefore(root, obj, call) {
			return true
		}
		def := definitionIn(c.pass.TypesInfo, root, obj)
		if def != nil && c.ownConstruction(root, def, 0) {
			return true
		}
	}
	return false
}

// closedBefore reports whether fn calls v.Close() before call, outside a
// defer.
func (c *checker) closedBefore(fn ast.Node, v *types.Var, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false
		case *ast.CallExpr:
			if n.Pos() >= call.Pos() {
				return true
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Close" || len(n.Args) != 0 {
				return true
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// definitionIn returns the value a variable is declared with, by v := x
// or var v = x, in fn.
func definitionIn(info *types.Info, fn ast.Node, obj types.Object) ast.Expr {
	var found ast.Expr
	ast.Inspect(fn, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && info.Defs[id] == obj {
						found = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if info.Defs[id] == obj {
						found = n.Values[i]
					}
				}
			}
		}
		return true
	})
	return found
}

// networkWords are the words of a constructor's name, or of a field of
// its options, that say it reaches a server.
var networkWords = map[string]bool{
	"client": true, "dial": true, "connect": true, "conn": true, "open": true, "pool": true,
	"ring": true, "addr": true, "addrs": true, "address": true, "url": true, "dsn": true,
	"host": true, "endpoint": true, "endpoints": true, "server": true, "port": true, "network": true,
}

func networky(name string) bool {
	for _, w := range splitWords(name) {
		if networkWords[w] {
			return true
		}
	}
	return false
}

// ownConstruction reports whether def, a call that makes a store value in
// the test function fn, makes one that nobody else shares: a constructor
// that names no server and is given only constants, literals and stores
// of the test's own (an in-process cache), or any constructor given the address of a server
// that fn starts (a variable of fn of a type this package declares).
func (c *checker) ownConstruction(fn ast.Node, def ast.Expr, depth int) bool {
	call, ok := ast.Unparen(def).(*ast.CallExpr)
	if !ok || depth > 2 {
		return false
	}
	callee, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	ownServer := false
	// A method makes its result from its receiver: a transaction or a
	// pipeline of a shared client is as shared as the client.
	plain := !networky(callee.Name()) && callee.Signature().Recv() == nil
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && networky(id.Name) {
					plain = false
				}
			case *ast.CallExpr:
				if tv, ok := info.Types[n.Fun]; !ok || !tv.IsType() {
					plain = false // a value computed elsewhere
				}
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok {
					return true
				}
				local := v.Pos() >= fn.Pos() && v.Pos() <= fn.End()
				if !v.IsField() && !(local && c.ownVar(fn, v, depth)) {
					plain = false // unless built from a store of the test's own
				}
				if local && c.serverType(v.Type()) && definitionIn(info, fn, v) != nil {
					ownServer = true
				}
			}
			return true
		})
	}
	return plain || ownServer
}

// serverType reports whether t, or what it points to, is a named type
// that the package under test declares: a fake server of its own.
func (c *checker) serverType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	_, isStruct := named.Underlying().(*types.Struct)
	return isStruct
}

// storeType reports whether t, or what it points to, is a type of a store
// client package: the argument of a helper that carries the store.
func storeType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Pkg() != nil && catalog.StorePackage(named.Obj().Pkg().Path())
}

// ownVar reports whether a variable of the test function fn holds a store
// of the test's own, built by a call that ownConstruction accepts.
func (c *checker) ownVar(fn ast.Node, v *types.Var, depth int) bool {
	def := definitionIn(c.pass.TypesInfo, fn, v)
	return def != nil && c.ownConstruction(fn, def, depth+1)
}
