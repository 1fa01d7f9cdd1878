package uniquekeys

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// A creation is SQL or CQL text of a test that creates a schema object
// with a fixed name, passed to a store call.
type creation struct {
	t   *tests.Test
	lit *ast.BasicLit
	obj schemaObject
	at  *ast.CallExpr
	key key // for how the call reaches the store
}

// ormPackages map tables to Go types by name: a test that renames a
// table its models map to would lose them.
var ormPackages = []string{"gorm.io/gorm", "github.com/uptrace/bun", "xorm.io/xorm", "github.com/go-pg/pg/v10", "entgo.io/ent"}

// creations returns the schema objects that test t creates with a fixed
// name by a store call of its own body.
func (c *checker) creations(t *tests.Test) []creation {
	var out []creation
	seen := make(map[*ast.BasicLit]bool)
	for _, s := range c.eff.Sites(t.Func) {
		call, ok := s.Node.(*ast.CallExpr)
		if !ok || s.Effect.Kind != catalog.Store || c.inTransaction(call) {
			continue
		}
		for _, arg := range call.Args {
			lit, ok := ast.Unparen(arg).(*ast.BasicLit)
			if !ok || seen[lit] {
				continue
			}
			v, ok := c.stringValue(lit)
			if !ok {
				continue
			}
			obj, ok := createdObject(v)
			if !ok {
				continue
			}
			seen[lit] = true
			out = append(out, creation{t: t, lit: lit, obj: obj, at: call, key: key{lit: lit, site: s}})
		}
	}
	return out
}

// reportCreations reports the schema objects that the package's tests
// create with fixed names in a store they share, when the test's next run
// fails on them: a CREATE without IF NOT EXISTS of a name that no test
// drops. A table or type created inside a database, keyspace or schema
// that the test creates itself (a per-test database), or in a package
// whose TestMain recreates the store, is no collision.
func (c *checker) reportCreations(all []creation, freshRun bool) {
	orm := false
	for _, imp := range c.pass.Pkg.Imports() {
		for _, p := range ormPackages {
			if imp.Path() == p || strings.HasPrefix(imp.Path(), p+"/") {
				orm = true
			}
		}
	}
	for _, cr := range all {
		if cr.obj.ifNotExists || c.claimed[cr.lit] || c.dropped(cr.obj) {
			continue
		}
		inner := cr.obj.kind == "TABLE" || cr.obj.kind == "TYPE"
		if inner && (freshRun || orm || c.ownsContainer(cr.t.Root().Func) || c.fresh(cr.t.Root().Func, 0, make(map[ast.Node]bool))) {
			continue
		}
		c.reportCreation(cr, inner)
	}
}

// dropped reports whether a string of the package's tests drops the
// object: a test or TestMain that drops it before or after creating it
// runs again without meeting it.
func (c *checker) dropped(obj schemaObject) bool {
	found := false
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			s, ok := c.stringValue(n)
			if !ok {
				return !found
			}
			up := strings.ToUpper(s)
			for _, i := range wordIndices(up, "DROP") {
				rest := up[i:]
				if end := strings.IndexByte(rest, ';'); end >= 0 {
					rest = rest[:end]
				}
				if len(wordIndices(rest, strings.ToUpper(obj.name))) > 0 {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// ownsContainer reports whether a test creates a database, keyspace or
// schema of its own, in whose namespace its tables live.
func (c *checker) ownsContainer(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if s, ok := c.stringValue(n); ok {
			up := strings.Join(strings.Fields(strings.ToUpper(s)), " ")
			for _, kind := range []string{"CREATE DATABASE", "CREATE KEYSPACE", "CREATE SCHEMA", "CREATE TEMP"} {
				if strings.Contains(up, kind) {
					found = true // whatever its name: it may be made of the test's
				}
			}
		}
		return !found
	})
	return found
}

// reportCreation reports the fixed name of a created object with a fix
// that names it after the test with a random suffix, at every place the
// test's strings spell it, when that is every place the package's tests
// do. For a table or a type, every store call of the test must carry the
// name in its own strings: a helper or the code under test that spells
// the table itself would still look for the old one.
func (c *checker) reportCreation(cr creation, inner bool) {
	t, name := cr.t, cr.obj.name
	if t.T == nil || !fixes.AtLeast(c.pass, t.File, fixes.Text) {
		return
	}
	lower := strings.ToLower(name)
	// Every string of the test files that names the object must be in t.
	var uses []*ast.BasicLit
	ok := true
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok == token.CONST {
					ast.Inspect(n, func(m ast.Node) bool {
						if s, isStr := c.stringValue(m); isStr && len(wordIndices(strings.ToLower(s), lower)) > 0 {
							ok = false
						}
						return ok
					})
					return false
				}
			case *ast.IndexExpr:
				if s, isStr := c.stringValue(ast.Unparen(n.X)); isStr && len(wordIndices(strings.ToLower(s), lower)) > 0 {
					ok = false
				}
			case *ast.SliceExpr:
				if s, isStr := c.stringValue(ast.Unparen(n.X)); isStr && len(wordIndices(strings.ToLower(s), lower)) > 0 {
					ok = false
				}
			}
			s, isStr := c.stringValue(n)
			if !isStr || len(wordIndices(strings.ToLower(s), lower)) == 0 {
				return true
			}
			lit := n.(*ast.BasicLit)
			if lit.Pos() < t.Func.Pos() || lit.End() > t.Func.End() || c.claimed[lit] || !plainString(c.pass.TypesInfo, lit) || s != name && !statement(s) {
				ok = false // outside t, or not a statement: a message, a DSN
			}
			uses = append(uses, lit)
			return true
		})
	}
	if !ok || len(uses) == 0 {
		return
	}
	if inner && !c.namedAtEveryCall(t, lower) {
		return
	}
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	// Each use spells the name the way the first does, as often in its
	// source as in its value: no escape or other case hides one.
	var texts []string
	for _, lit := range uses {
		v, _ := c.stringValue(lit)
		text := src.Text(lit)
		if len(wordIndices(strings.ToLower(v), lower)) != len(wordIndices(v, name)) ||
			len(wordIndices(text, name)) != len(wordIndices(v, name)) ||
			len(wordIndices(strings.ToLower(text), lower)) != len(wordIndices(text, name)) {
			return
		}
		texts = append(texts, text)
	}
	stmt := fixes.TopStmt(t.Body, uses[0])
	if stmt == nil {
		return
	}
	at := make([]token.Pos, len(uses)+1)
	at[0] = stmt.Pos()
	for i, lit := range uses {
		at[i+1] = lit.Pos()
	}
	if scope := c.pass.Pkg.Scope().Innermost(stmt.Pos()); scope == nil {
		return
	} else if _, obj := scope.LookupParent(t.T.Name(), stmt.Pos()); obj != t.T {
		return
	}
	random, edits, ok := c.suffix(src, t.File, at)
	if !ok {
		return
	}
	var pkgs [2]string
	for i, path := range []string{"regexp", "strings"} {
		pkg, e, ok := src.AddStdImportAs(c.pass, t.File, path, at)
		if !ok {
			return
		}
		if e != nil {
			edits = append(edits, *e)
		}
		pkgs[i] = pkg
	}
	base := strings.ToLower(cr.obj.kind)
	if base == "type" {
		base = "typeName"
	}
	v, ok := c.freshName(stmt.Pos(), at, base, "schema "+name)
	if !ok {
		return
	}
	decl := fmt.Sprintf("%s := %s.MustCompile(`\\W+`).ReplaceAllString(%s.ToLower(%s.Name()), \"_\")\n%s = %s[:min(len(%s), 30)] + \"_\" + %s.ToLower(%s[:8])",
		v, pkgs[0], pkgs[1], t.T.Name(), v, v, v, pkgs[1], random)
	edits = append(edits, src.InsertBefore(stmt, decl))
	for i, lit := range uses {
		edits = append(edits, src.Replace(lit, spliced(texts[i], name, v)))
	}
	how := "name it after the test with a random suffix in " + v
	if len(uses) > 1 {
		how += fmt.Sprintf(" and use it at all %d places", len(uses))
	}
	c.offer(src, cr.lit, uses, fmt.Sprintf("%s %s is created with a fixed name on a server every test shares, %s, and nothing drops it: the test's next run, and any test that creates it too, fail on it; %s", strings.ToLower(cr.obj.kind), name, c.reached(cr.key), how), how, edits)
}

// namedAtEveryCall reports whether every store call of test t (its own
// and those of its subtests) passes a string that names the object: no
// helper or code under test reaches the store with a name of its own.
func (c *checker) namedAtEveryCall(t *tests.Test, lower string) bool {
	ok := true
	c.eff.Walk(t.Func, func(s effects.Site) bool {
		if s.Effect.Kind != catalog.Store || s.Callee == nil {
			return true
		}
		call, isCall := s.Node.(*ast.CallExpr)
		named := false
		if isCall {
			for _, a := range call.Args {
				if v, isStr := c.stringValue(ast.Unparen(a)); isStr && len(wordIndices(strings.ToLower(v), lower)) > 0 {
					named = true
				}
			}
		}
		ok = ok && named
		return ok
	})
	return ok
}

// plainString reports whether a string literal has type string, so that
// a concatenation may stand in its place.
func plainString(info *types.Info, lit *ast.BasicLit) bool {
	tv, ok := info.Types[lit]
	if !ok {
		return false
	}
	b, ok := tv.Type.(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}

// spliced returns the source text of a string literal with every
// whole-word occurrence of name replaced by the variable v:
// "CREATE TABLE users (id int)" → "CREATE TABLE " + table + " (id int)".
func spliced(text, name, v string) string {
	q := text[:1]
	var parts []string
	last := 1
	for _, i := range wordIndices(text, name) {
		if i > last {
			parts = append(parts, q+text[last:i]+q)
		}
		parts = append(parts, v)
		last = i + len(name)
	}
	if rest := text[last : len(text)-1]; rest != "" {
		parts = append(parts, q+rest+q)
	}
	return strings.Join(parts, " + ")
}

// statementWords are the words that SQL and CQL statements start with.
var statementWords = []string{"select", "insert", "update", "delete", "create", "drop", "alter", "use", "truncate", "grant", "with", "upsert", "replace", "merge", "begin", "batch"}

// statement reports whether s is SQL or CQL text: it starts with the word
// a statement starts with.
func statement(s string) bool {
	for _, w := range statementWords {
		if _, ok := keyword(strings.TrimSpace(s)+" ", w); ok {
			return true
		}
	}
	return false
}

// inTransaction reports whether a call is a method of a transaction
// (sql.Tx, pgx.Tx): where DDL is transactional, a rollback removes what
// it creates.
func (c *checker) inTransaction(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && strings.HasSuffix(named.Obj().Name(), "Tx")
}
