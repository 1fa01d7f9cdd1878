package uniquekeys

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// report reports the key k of test t with its fix, when one can be built.
func (c *checker) report(t *tests.Test, k key) {
	if k.set.kv != nil {
		c.reportID(t, k)
		return
	}
	if k.inline {
		c.reportInline(t, k)
		return
	}
	occ, ok := c.occurrences(t, k.value)
	if !ok {
		return
	}
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	at := make([]token.Pos, len(occ))
	for i, o := range occ {
		at[i] = o.Pos()
	}
	suffix, edits, ok := c.suffix(src, t.File, at)
	if !ok {
		return
	}
	expr := randomized(k, suffix)
	var how string
	if len(occ) == 1 {
		edits = append(edits, src.Replace(occ[0], expr))
		how = "randomize it per run"
	} else {
		stmt := fixes.TopStmt(t.Body, occ[0])
		if stmt == nil {
			return
		}
		name, ok := c.freshName(stmt.Pos(), at, varBase(k.name), k.value)
		if !ok {
			return
		}
		edits = append(edits, src.InsertBefore(stmt, name+" := "+expr))
		for _, o := range occ {
			edits = append(edits, src.Replace(o, name))
		}
		how = fmt.Sprintf("hold a value randomized per run in %s and use it at all %d places", name, len(occ))
	}
	c.offer(src, k.lit, occ, fmt.Sprintf("%s is a unique key (%s) written to a store every test shares, %s: tests that run at the same time collide on it; %s", k.lit.Value, k.why, c.reached(k), how), how, edits)
}

// reached says how the key reaches the store: "in (*sql.DB).Exec" or "via
// helper createUser (users.go:12)".
func (c *checker) reached(k key) string {
	if k.site.Callee != nil {
		return "via " + k.site.Effect.Via()
	}
	call, _ := k.site.Node.(*ast.CallExpr)
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return "by a store call"
	}
	return "by " + shortName(fn)
}

// shortName names a function by its package and declaring type:
// (*gorm.DB).Create, or (redis.cmdable).Set for a method that go-redis's
// clients get by embedding.
func shortName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	t := recv.Type()
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return fmt.Sprintf("(%s%s.%s).%s", star, n.Obj().Pkg().Name(), n.Obj().Name(), fn.Name())
	}
	return fn.Name()
}

// occurrences returns every string literal of the test with the value v,
// in source order; false when the value cannot be replaced safely: it
// occurs inside another string (an SQL query that names it), in a
// constant declaration, or outside the test in the test it belongs to.
func (c *checker) occurrences(t *tests.Test, v string) ([]*ast.BasicLit, bool) {
	var occ []*ast.BasicLit
	ok := true
	inspect := func(root ast.Node, record bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if !ok {
				return false
			}
			if !record && n == t.Func {
				return false // t's own literals are counted apart
			}
			if gd, isGen := n.(*ast.GenDecl); isGen && gd.Tok == token.CONST {
				ast.Inspect(gd, func(m ast.Node) bool {
					if s, isStr := c.stringValue(m); isStr && strings.Contains(s, v) {
						ok = false
					}
					return ok
				})
				return false
			}
			s, isStr := c.stringValue(n)
			switch {
			case !isStr:
			case s == v && record:
				occ = append(occ, n.(*ast.BasicLit))
			case strings.Contains(s, v), matches(s, v):
				ok = false
			}
			return true
		})
	}
	inspect(t.Func, true)
	if root := t.Root(); root != t {
		inspect(root.Func, false)
	}
	return occ, ok && len(occ) > 0
}

// matches reports whether pattern, with SQL's % or a glob's * as
// wildcards, matches v: a test that looks its rows up by a pattern such as
// "upsert-%" would find other tests' rows once each test's values differ.
func matches(pattern, v string) bool {
	parts := strings.FieldsFunc(pattern, func(r rune) bool { return r == '%' || r == '*' })
	if len(parts) == 0 || !strings.ContainsAny(pattern, "%*") {
		return false
	}
	if !strings.HasPrefix(pattern, "%") && !strings.HasPrefix(pattern, "*") && !strings.HasPrefix(v, parts[0]) {
		return false
	}
	rest := v
	for _, p := range parts {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return strings.HasSuffix(pattern, "%") || strings.HasSuffix(pattern, "*") || rest == ""
}

func (c *checker) stringValue(n ast.Node) (string, bool) {
	lit, ok := n.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// suffix returns the Go expression of a string unique per run, usable at
// the positions at, and the edits that import what it needs:
// rand.Text() from crypto/rand (Go 1.24), imported as crand when rand is
// taken; in older files strconv.FormatInt(time.Now().UnixNano(), 36).
func (c *checker) suffix(src *fixes.Source, file *ast.File, at []token.Pos) (string, []analysis.TextEdit, bool) {
	var edits []analysis.TextEdit
	imp := func(path string, alts ...string) (string, bool) {
		name, e, ok := src.AddStdImportAs(c.pass, file, path, at, alts...)
		if ok && e != nil {
			edits = append(edits, *e)
		}
		return name, ok
	}
	if fixes.AtLeast(c.pass, file, fixes.Text) {
		rand, ok := imp("crypto/rand", "crand", "cryptorand")
		return rand + ".Text()", edits, ok
	}
	strconv, ok := imp("strconv")
	if !ok {
		return "", nil, false
	}
	time, ok := imp("time")
	if !ok {
		return "", nil, false
	}
	return strconv + ".FormatInt(" + time + ".Now().UnixNano(), 36)", edits, true
}

// randomized returns the Go expression of a value like k's that is unique
// per run: "alice-" + rand.Text() + "@example.com" for an e-mail address,
// "orders-" + rand.Text() for other names, with an underscore for the
// names of tables, schemas and databases, where a hyphen needs quoting.
func randomized(k key, call string) string {
	if local, domain, ok := strings.Cut(k.value, "@"); ok && local != "" && domain != "" && !strings.Contains(domain, "@") {
		return strconv.Quote(local+"-") + " + " + call + " + " + strconv.Quote("@"+domain)
	}
	sep := "-"
	if sqlName(k.name) {
		sep = "_"
	}
	return strconv.Quote(k.value+sep) + " + " + call
}

// sqlName reports whether an identity names an SQL object.
func sqlName(name string) bool {
	for _, w := range splitWords(name) {
		switch w {
		case "table", "database", "db", "schema", "keyspace":
			return true
		}
	}
	return false
}

// singular returns the name of one element of a variadic parameter:
// key for keys.
func singular(name string) string {
	if len(name) > 2 && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		return strings.TrimSuffix(name, "s")
	}
	return name
}

// varBase returns the base of the name of a variable that holds a key.
func varBase(name string) string {
	words := splitWords(name)
	if len(words) == 0 {
		return "key"
	}
	for i := 1; i < len(words); i++ {
		words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
	}
	base := strings.Join(words, "")
	if strings.HasSuffix(base, "Id") {
		base = strings.TrimSuffix(base, "Id") + "ID"
	}
	if token.IsKeyword(base) || !token.IsIdentifier(base) || base == "id" {
		return base + "Key"
	}
	return base
}

// freshName returns base, or base with a number, that can be declared at
// decl and seen unshadowed at every position of at, to hold the key value:
// two keys declared before one statement get two names.
func (c *checker) freshName(decl token.Pos, at []token.Pos, base, value string) (string, bool) {
	for i := 1; i < 100; i++ {
		name := c.names.Fresh(c.pass, decl, base, value)
		if i > 1 {
			name = c.names.Fresh(c.pass, decl, base+strconv.Itoa(i), value)
		}
		free := true
		for _, p := range at {
			scope := c.pass.Pkg.Scope().Innermost(p)
			if scope == nil {
				return "", false
			}
			if _, obj := scope.LookupParent(name, p); obj != nil {
				free = false
			}
		}
		if free {
			return name, true
		}
	}
	return "", false
}

// reportID reports a model literal that fixes its auto-incremented
// primary key, with a fix that leaves the key to the database: the element
// goes. It reports nothing when the test spells the same number elsewhere
// (to look the row up by it, say), which the fix would break.
func (c *checker) reportID(t *tests.Test, k key) {
	other := false
	ast.Inspect(t.Func, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit != k.lit && lit.Kind == token.INT && lit.Value == k.lit.Value {
			other = true
		}
		return !other
	})
	if other {
		return
	}
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	// The element with the comma after it, and its whole line when it
	// stands alone there (its comment goes too); without a comma after
	// it, the last element goes with the separator before it. Fix puts
	// gofmt's layout back.
	kv, elts := k.set.kv, k.set.lit.Elts
	i := slices.Index(elts, ast.Expr(kv))
	if i < 0 {
		return
	}
	rest, ok := src.Slice(kv.End(), k.set.lit.Rbrace)
	if !ok {
		return
	}
	var edit analysis.TextEdit
	j := strings.IndexFunc(rest, func(r rune) bool { return r != ' ' && r != '\t' })
	switch {
	case j >= 0 && rest[j] == ',':
		edit = src.DeleteStmt(&ast.BadExpr{From: kv.Pos(), To: kv.End() + token.Pos(j+1)})
	case i > 0:
		edit = src.ReplaceSpan(elts[i-1].End(), kv.End(), "")
	default:
		edit = src.ReplaceSpan(kv.Pos(), kv.End(), "")
	}
	how := "leave " + k.set.field.Name() + " to the database"
	fix, ok := src.Fix(how, edit)
	if !ok {
		return
	}
	c.rep.Report(analysis.Diagnostic{
		Pos:            k.set.kv.Pos(),
		End:            k.set.kv.End(),
		Message:        fmt.Sprintf("%s: %s sets the auto-incremented primary key (%s) of a row written to a store every test shares, %s: tests that run at the same time collide on it; %s", k.set.field.Name(), k.lit.Value, k.why, c.reached(k), how),
		SuggestedFixes: []analysis.SuggestedFix{fix},
	})
}

// reportInline reports a key written in the text of an INSERT statement,
// with a fix that splits the literal around a random part:
//
//	"INSERT INTO users (email) VALUES ('alice@example.com')"
//	→ "INSERT INTO users (email) VALUES ('alice-" + rand.Text() + "@example.com')"
//
// It reports nothing when any other string of the package's tests
// contains the value (a query that reads the row back, another test's
// insert), which the fix would not follow, or when the literal's source
// spells the value other than once and quoted.
func (c *checker) reportInline(t *tests.Test, k key) {
	if c.mentionedElsewhere(k.lit, k.value) {
		return
	}
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	text := src.Text(k.lit)
	at := strings.Index(text, "'"+k.value+"'")
	if at < 0 || strings.Count(text, k.value) != 1 {
		return
	}
	suffix, edits, ok := c.suffix(src, t.File, []token.Pos{k.lit.Pos()})
	if !ok {
		return
	}
	q := text[:1]
	cut := at + 1 + len(k.value)
	sep := "-"
	if local, domain, ok := strings.Cut(k.value, "@"); ok && local != "" && domain != "" && !strings.Contains(domain, "@") {
		cut = at + 1 + len(local)
	} else if sqlName(k.name) {
		sep = "_"
	}
	expr := text[:cut] + sep + q + " + " + suffix + " + " + q + text[cut:]
	how := "randomize it per run"
	c.offer(src, k.lit, []*ast.BasicLit{k.lit}, fmt.Sprintf("%s is a unique key (%s) written to a store every test shares, %s: tests that run at the same time collide on it; %s", strconv.Quote(k.value), k.why, c.reached(k), how), how, append(edits, src.Replace(k.lit, expr)))
}

// offer reports the finding at lit with the fix made of edits, and claims
// the literals the fix changes, so that no other rule reports them again;
// when the edits make no fix (fixes.Source.Fix refuses them), it reports
// nothing.
func (c *checker) offer(src *fixes.Source, lit *ast.BasicLit, changed []*ast.BasicLit, message, how string, edits []analysis.TextEdit) {
	fix, ok := src.Fix(how, edits...)
	if !ok {
		return
	}
	for _, l := range changed {
		c.claimed[l] = true
	}
	c.rep.Report(analysis.Diagnostic{
		Pos:            lit.Pos(),
		End:            lit.End(),
		Message:        message,
		SuggestedFixes: []analysis.SuggestedFix{fix},
	})
}

// mentionedElsewhere reports whether a string of the package's test files
// other than lit contains v.
func (c *checker) mentionedElsewhere(lit *ast.BasicLit, v string) bool {
	found := false
	for _, file := range c.pass.Files {
		tok := c.pass.Fset.File(file.FileStart)
		if tok == nil || !strings.HasSuffix(tok.Name(), "_test.go") {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if s, ok := c.stringValue(n); ok && n != lit && strings.Contains(s, v) {
				found = true
			}
			return !found
		})
	}
	return found
}
