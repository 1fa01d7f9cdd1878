package sleep

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

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// How long a rewritten wait waits at most, and how often it looks. The
// wait ends as soon as the condition holds, so a generous limit costs
// nothing when the test passes.
const (
	timeout = "10 * %s.Second"
	tick    = "10 * %s.Millisecond"
)

const (
	testifyAssert  = "github.com/stretchr/testify/assert"
	testifyRequire = "github.com/stretchr/testify/require"
)

// fixed is what a finding says and the fix it offers.
type fixed struct {
	because string // what the wait waits for, and what that costs
	advice  string
	fix     analysis.SuggestedFix
}

// env is what building one fix needs.
type env struct {
	*checker
	sc  *scope
	w   wait
	src *fixes.Source
	tn  string // the file's name for package time
	t   string // the testing value's name
	// read is the statement between the wait and its checks that reads
	// what they check (data, err := os.ReadFile(p); got := s.Items()),
	// and reads are the variables it declares; nil when there is none.
	read  *ast.AssignStmt
	reads map[*types.Var]bool
}

// fix recognizes what the wait w waits for and builds the rewrite that
// waits for that instead; false when there is no safe one.
func (c *checker) fix(sc *scope, w wait) (fixed, bool) {
	src, ok := fixes.Read(c.pass, sc.file)
	if !ok {
		return fixed{}, false
	}
	tn, ok := fixes.ImportName(c.pass, sc.file, "time")
	if !ok {
		return fixed{}, false
	}
	e := &env{checker: c, sc: sc, w: w, src: src, tn: tn, t: sc.t.Name()}
	if !e.visible(sc.t, w.stmt.Pos()) {
		return fixed{}, false
	}
	if w.loop != nil {
		if w.settle != nil {
			return fixed{}, false // the poll's interval is the helper's to say
		}
		if f, ok := e.poll(); ok {
			return f, true
		}
		if w.index == len(w.list)-1 {
			return fixed{}, false // the pause between a loop's tries
		}
		// A sleep followed by checks in each round of a loop.
	}
	// Both rewrites below remove the wait.
	if e.orphans() {
		return fixed{}, false
	}
	if f, ok := e.selectAfter(); ok {
		// A bubble, where it is safe, does not wait at all.
		if g, _ := e.spawnedBefore(); g != nil {
			if b, ok := e.bubble(g); ok {
				return b, true
			}
		}
		return f, true
	}
	if checks := e.checksAfter(); len(checks) > 0 {
		if e.repeats(checks) || e.saysUnchanged(checks) || e.keepsPut(checks) || e.measuresWindow() || e.checksOn(checks) {
			return fixed{}, false
		}
		return e.checks(checks)
	}

	if f, ok := e.server(); ok {
		return f, true
	}
	if g, _ := e.spawnedBefore(); g != nil {
		return e.bubble(g)
	}
	return fixed{}, false
}

// orphans reports whether the wait uses a local variable that nothing
// but waits uses: a rewrite that removes the wait, or another wait
// rewritten in the same pass, would leave it declared and not used.
func (e *env) orphans() bool {
	locals := make(map[*types.Var]bool)
	ast.Inspect(e.w.stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := e.pass.TypesInfo.Uses[id].(*types.Var); ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
				locals[v] = true
			}
		}
		return true
	})
	if len(locals) == 0 {
		return false
	}
	// Parameters and results may go unused; so may a variable used
	// anywhere but in a wait.
	ast.Inspect(e.sc.file, func(n ast.Node) bool {
		if len(locals) == 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncType:
			for v := range locals {
				if v.Pos() >= n.Pos() && v.Pos() < n.End() {
					delete(locals, v)
				}
			}
		case *ast.ExprStmt:
			if _, _, ok := e.waitCall(n); ok {
				return false
			}
			if in, _ := e.settleCall(n); in != nil {
				return false // a call to a helper that only waits, which a fix removes
			}
		case *ast.Ident:
			if v, ok := e.pass.TypesInfo.Uses[n].(*types.Var); ok {
				delete(locals, v)
			}
		}
		return true
	})
	return len(locals) > 0
}

// repeats reports whether one of the checks after the wait repeats a
// check the scope's body makes before it: the test then checks that what
// held before it waited still holds (if state != Suspect, sleep, if
// state != Suspect), which is what a sleep is for, and waiting until it
// holds would check nothing. The same check right after an earlier wait
// is that wait's, unless nothing but waits and checks comes between it
// and this wait (sleep, check, sleep, the same check: still so).
func (e *env) repeats(checks []check) bool {
	after := make(map[string]bool)
	for _, ch := range checks {
		after[e.checkKey(ch)] = true
	}
	found := false
	list := func(stmts []ast.Stmt) {
		waited := false // the statement follows a wait and checks only
		// still is true after the same check made right after an earlier
		// wait, while nothing but waits and checks has followed it: the
		// test waits again to see that it still holds.
		still := false
		for _, st := range stmts {
			if st == ast.Stmt(e.w.stmt) {
				found = still
				return
			}
			if st.End() > e.w.stmt.Pos() {
				return
			}
			if es, ok := st.(*ast.ExprStmt); ok && e.isWait(es) {
				waited = true
				continue
			}
			ch, ok := e.check(st)
			if !ok {
				waited, still = false, false
				continue
			}
			if after[e.checkKey(ch)] {
				if !waited {
					found = true
					return
				}
				still = true
			}
		}
	}
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= e.w.stmt.Pos() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // another function's checks
		case *ast.BlockStmt:
			list(n.List)
		case *ast.CaseClause:
			list(n.Body)
		case *ast.CommClause:
			list(n.Body)
		}
		return true
	})
	return found
}

// unchangedWords are the words with which a comment or a failure message
// says that a check expects nothing to change: "still pending", "should
// stop after exit". notWords say it in a comment ("make sure the timer
// hasn't fired", "verify that no refresh is called"), but not in a
// failure message, where "not ready" means the wait is not over.
var (
	unchangedWords = map[string]bool{
		"still": true, "remain": true, "remains": true, "remained": true, "unchanged": true,
		"stable": true, "again": true, "anymore": true, "stop": true, "stops": true, "stopped": true,
	}
	notWords = map[string]bool{"no": true, "not": true, "never": true, "nothing": true}
)

// saysUnchanged reports whether the comments around the wait and its
// checks, or the checks' failure messages, say that the test expects
// nothing to change while it waits. A check such as n != 1 reads both
// ways: "until one call was made" or "no call after the first"; the
// words tell which, and a wait for the second is what a sleep is for.
func (e *env) saysUnchanged(checks []check) bool {
	from := e.line(e.w.stmt) - 1
	to := e.pass.Fset.Position(checks[len(checks)-1].stmt.End()).Line
	for _, cg := range e.sc.file.Comments {
		start, end := e.line(cg), e.pass.Fset.Position(cg.End()).Line
		if end >= from && start <= to && says(cg.Text(), true) {
			return true
		}
	}
	for _, ch := range checks {
		for _, a := range ch.call.Args {
			if tv, ok := e.pass.TypesInfo.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && says(constant.StringVal(tv.Value), false) {
				return true
			}
		}
	}
	return false
}

// checksOn reports whether the statement after the checks checks more,
// in a way the rewrite cannot see into: it hands the testing value to a
// function (helper(t, …), an assertion the rewrite does not count), or
// calls a function literal that uses it. The wait may be for what that
// checks, which the checks before it do not show (nats-server waits for
// messages to expire, checks a setting that changed at once, then calls
// checkPending(0, 0)); polling the first checks would not wait for it.
func (e *env) checksOn(checks []check) bool {
	last := checks[len(checks)-1].stmt
	i := slices.Index(e.w.list, ast.Stmt(last))
	if i < 0 || i+1 >= len(e.w.list) {
		return false
	}
	es, ok := e.w.list[i+1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if e.isT(a) {
			return true
		}
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	uses := false
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || uses {
			return !uses
		}
		for j, lhs := range as.Lhs {
			lid, ok := lhs.(*ast.Ident)
			if !ok || e.pass.TypesInfo.ObjectOf(lid) != types.Object(v) || j >= len(as.Rhs) {
				continue
			}
			if lit, ok := ast.Unparen(as.Rhs[j]).(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, func(n ast.Node) bool {
					if x, ok := n.(*ast.Ident); ok && e.pass.TypesInfo.Uses[x] == e.sc.t {
						uses = true
					}
					return !uses
				})
			}
		}
		return !uses
	})
	return uses
}

// keepsPut reports whether a check after the wait expects the value the
// test itself put in before it (fill(p, 3), sleep, if p.Len() != 3), and
// its failure message says that nothing was to happen ("no reaper",
// "not expired"). Each reads both ways alone: the value may have to come
// back, and "no entries yet" waits for entries. Together, the test checks
// that what it set up is untouched, which a poll would see at once.
func (e *env) keepsPut(checks []check) bool {
	for _, ch := range checks {
		want, got := e.comparison(ch)
		if want == nil || !e.putBefore(want, rootVar(e.pass.TypesInfo, got)) {
			continue
		}
		for _, a := range ch.call.Args {
			if tv, ok := e.pass.TypesInfo.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && says(constant.StringVal(tv.Value), true) {
				return true
			}
		}
	}
	return false
}

// measuresWindow reports whether the test counts what happens during the
// wait: a failure condition later in the same statement list bounds one
// value from both sides (got < wantMin || got > wantMax: "about 5 pings in
// 250ms"). A poll would stop as soon as the lower bound is met, and the
// upper bound would no longer say anything: the fixed wait is the
// measurement.
func (e *env) measuresWindow() bool {
	for _, st := range e.w.list[e.w.index+1:] {
		is, ok := st.(*ast.IfStmt)
		if !ok {
			continue
		}
		low, high := make(map[string]string), make(map[string]string)
		e.bounds(is.Cond, low, high)
		for x, min := range low {
			if max, ok := high[x]; ok && min != max {
				return true
			}
		}
	}
	return false
}

// bounds records, for cond, a disjunction of comparisons of numbers, the
// expressions it fails for when they are too small (low: x < min maps x
// to min) and when they are too large (high: x > max maps x to max). Each
// comparison is read both ways, min > x as well as x > max.
func (e *env) bounds(cond ast.Expr, low, high map[string]string) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return
	}
	switch b.Op {
	case token.LOR:
		e.bounds(b.X, low, high)
		e.bounds(b.Y, low, high)
		return
	case token.GTR, token.GEQ:
		b = &ast.BinaryExpr{X: b.Y, Op: token.LSS, Y: b.X}
	case token.LSS, token.LEQ:
	default:
		return
	}
	if !e.number(b.X) || !e.number(b.Y) {
		return
	}
	x, y := e.src.Text(b.X), e.src.Text(b.Y)
	low[x], high[y] = y, x // x < y: x too small, or y too large
}

// number reports whether x is an integer or a floating-point number.
func (e *env) number(x ast.Expr) bool {
	t := e.pass.TypesInfo.TypeOf(x)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat) != 0
}

// says reports whether text has a word that says something stayed as it
// was, or, with not, that it did not happen.
func says(text string, not bool) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || r == '\'' || r == '’')
	})
	for _, w := range words {
		if unchangedWords[w] || not && (notWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")) {
			return true
		}
	}
	return false
}

// comparison returns the constant a check expects and the expression it
// compares with it: if x != 3, require.Equal(t, 3, x). Nil when the check
// is of another form.
func (e *env) comparison(ch check) (want, got ast.Expr) {
	isConst := func(x ast.Expr) bool {
		tv, ok := e.pass.TypesInfo.Types[x]
		return ok && tv.Value != nil
	}
	if ch.fails != nil {
		b, ok := ast.Unparen(ch.fails).(*ast.BinaryExpr)
		if !ok || b.Op != token.NEQ {
			return nil, nil
		}
		switch {
		case isConst(b.Y):
			return b.Y, b.X
		case isConst(b.X):
			return b.X, b.Y
		}
		return nil, nil
	}
	fn, ok := typeutil.Callee(e.pass.TypesInfo, ch.call).(*types.Func)
	if !ok || len(ch.call.Args) < 3 {
		return nil, nil
	}
	switch strings.TrimSuffix(fn.Name(), "f") {
	case "Equal", "EqualValues", "Exactly", "Len":
	default:
		return nil, nil
	}
	want, got = ch.call.Args[1], ch.call.Args[2]
	if strings.HasPrefix(fn.Name(), "Len") {
		want, got = got, want
	}
	if !isConst(want) {
		return nil, nil
	}
	return want, got
}

// putBefore reports whether a statement before the wait, in its own list,
// calls a function with both the variable v and a constant equal to want
// among its arguments or receiver (fill(t, p, 3), p.Fill(3)): the test put
// the value it checks there itself. A go statement puts nothing there
// before the wait.
func (e *env) putBefore(want ast.Expr, v *types.Var) bool {
	if v == nil {
		return false
	}
	wv := e.pass.TypesInfo.Types[want].Value
	found := false
	for _, st := range e.w.list[:e.w.index] {
		if _, ok := st.(*ast.GoStmt); ok {
			continue
		}
		ast.Inspect(st, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			args := call.Args
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				args = append([]ast.Expr{sel.X}, args...)
			}
			hasV, hasWant := false, false
			for _, a := range args {
				if tv, ok := e.pass.TypesInfo.Types[a]; ok && tv.Value != nil && wv != nil && tv.Value.Kind() == wv.Kind() && constant.Compare(tv.Value, token.EQL, wv) {
					hasWant = true
				}
				if rootVar(e.pass.TypesInfo, a) == v {
					hasV = true
				}
			}
			found = hasV && hasWant
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// rootVar returns the local variable an expression reads its value
// through: p for p.Len(), p.conns, len(p.conns), *p; nil otherwise.
func rootVar(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch y := ast.Unparen(x).(type) {
		case *ast.Ident:
			v, ok := info.Uses[y].(*types.Var)
			if !ok || v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			x = y.X
		case *ast.IndexExpr:
			x = y.X
		case *ast.StarExpr:
			x = y.X
		case *ast.UnaryExpr:
			x = y.X
		case *ast.CallExpr:
			if sel, ok := y.Fun.(*ast.SelectorExpr); ok {
				if _, isMethod := info.Selections[sel]; isMethod {
					x = sel.X
					continue
				}
			}
			if len(y.Args) != 1 {
				return nil
			}
			x = y.Args[0]
		default:
			return nil
		}
	}
}

// checkKey returns what a check tests, whatever it says when it fails:
// the failure condition of an if statement, or the assertion with the
// values it compares.
func (e *env) checkKey(ch check) string {
	if ch.fails != nil {
		return "if " + types.ExprString(ch.fails)
	}
	fn, ok := typeutil.Callee(e.pass.TypesInfo, ch.call).(*types.Func)
	if !ok {
		return ""
	}
	name := strings.TrimSuffix(fn.Name(), "f") // Equalf checks what Equal does
	key := name
	values := 1
	switch name {
	case "Equal", "EqualValues", "Exactly", "Len", "Contains", "Greater", "GreaterOrEqual", "Subset":
		values = 2
	}
	for i := 1; i <= values && i < len(ch.call.Args); i++ {
		key += " " + types.ExprString(ch.call.Args[i])
	}
	return key
}

// visible reports whether obj is what its name means at pos.
func (e *env) visible(obj types.Object, pos token.Pos) bool {
	scope := e.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, found := scope.LookupParent(obj.Name(), pos)
	return found == obj
}

// testify returns the file's name for the testify package to assert with:
// require when the file imports it (a failed wait then stops the test, as
// a hang would have), else assert; false when it imports neither.
func (e *env) testify(preferAssert bool) (string, string, bool) {
	order := []string{testifyRequire, testifyAssert}
	if preferAssert {
		order = []string{testifyAssert, testifyRequire}
	}
	for _, path := range order {
		if name, ok := fixes.ImportName(e.pass, e.sc.file, path); ok {
			return name, path, true
		}
	}
	return "", "", false
}

// poll rewrites a loop that polls a condition with no deadline:
//
//	for cond { time.Sleep(d) }
//	for { if done { break }; time.Sleep(d) }
func (e *env) poll() (fixed, bool) {
	loop, ok := e.w.loop.(*ast.ForStmt)
	if !ok || e.w.owner != loop || loop.Init != nil || loop.Post != nil || e.labeled[loop] {
		return fixed{}, false
	}
	// The loop goes on while waiting holds, and ends when done does; brk
	// is the statement that breaks out of a loop with no condition.
	var waiting, done string
	var brk *ast.IfStmt
	switch body := loop.Body.List; {
	case loop.Cond != nil && len(body) == 1:
		if !e.polled(loop.Cond) {
			return fixed{}, false
		}
		waiting, done = e.src.Text(loop.Cond), e.negate(loop.Cond)
	case loop.Cond == nil && len(body) == 2 && e.w.index == 1:
		brk, _ = body[0].(*ast.IfStmt)
		if brk == nil || brk.Init != nil || brk.Else != nil || len(brk.Body.List) != 1 {
			return fixed{}, false
		}
		if b, ok := brk.Body.List[0].(*ast.BranchStmt); !ok || b.Tok != token.BREAK || b.Label != nil {
			return fixed{}, false
		}
		if !e.polled(brk.Cond) {
			return fixed{}, false
		}
		waiting, done = e.negate(brk.Cond), e.src.Text(brk.Cond)
	default:
		return fixed{}, false
	}
	if strings.Contains(waiting, "\n") || strings.Contains(done, "\n") {
		return fixed{}, false
	}
	because := fmt.Sprintf("polls %s with no deadline: the test hangs until go test times out if it never holds", done)
	if q, _, ok := e.testify(false); ok {
		text := fmt.Sprintf("%s.Eventually(%s, func() bool { return %s }, %s, %s)",
			q, e.t, done, fmt.Sprintf(timeout, e.tn), e.src.Text(e.w.dur))
		return e.offer(because, "wait with "+q+".Eventually", e.src.Replace(loop, text))
	}
	// Without testify the loop stays, with a deadline that fails the test.
	deadline := e.names.Fresh(e.pass, loop.Pos(), "deadline", "")
	init := fmt.Sprintf("%s := %s.Now().Add(%s); ", deadline, e.tn, fmt.Sprintf(timeout, e.tn))
	expire := fmt.Sprintf("if %[1]s.Now().After(%[2]s) {\n\t%[3]s.Fatal(%[4]s)\n}",
		e.tn, deadline, e.t, strconv.Quote("timed out waiting for "+done))
	var edits []analysis.TextEdit
	if brk == nil {
		edits = []analysis.TextEdit{
			e.src.Replace(loop.Cond, init+waiting+"; "),
			e.src.InsertBefore(e.w.stmt, expire),
		}
	} else {
		edits = []analysis.TextEdit{
			e.src.ReplaceSpan(loop.Body.Lbrace, loop.Body.Lbrace, init+waiting+"; "),
			e.src.Replace(brk, expire),
		}
	}
	return e.offer(because, "poll with a deadline that fails the test", edits...)
}

// polled reports whether x is a condition a loop can wait for: it can
// change, it is pure, and it does not consult the clock or a context,
// which would give the loop a deadline of its own.
func (e *env) polled(x ast.Expr) bool {
	if !e.pure(x) || !e.changing(x) {
		return false
	}
	clock := false
	ast.Inspect(x, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func); ok && fn.Pkg() != nil {
				switch fn.Pkg().Path() {
				case "time", "context":
					clock = true
				}
			}
		}
		return !clock
	})
	return !clock
}

func (e *env) offer(because, advice string, edits ...analysis.TextEdit) (fixed, bool) {
	f, ok := e.src.Fix(strings.ToUpper(advice[:1])+advice[1:], edits...)
	if !ok {
		return fixed{}, false
	}
	return fixed{because: because, advice: advice, fix: f}, true
}

// negate returns the text of the condition that holds when x does not.
func (e *env) negate(x ast.Expr) string {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return e.src.Text(ast.Unparen(u.X))
	}
	if b, ok := x.(*ast.BinaryExpr); ok {
		op := map[token.Token]string{token.EQL: "!=", token.NEQ: "=="}[b.Op]
		if e.ordered(b.X) && e.ordered(b.Y) {
			// Not for floats, where NaN makes a < b and a >= b both false.
			op = map[token.Token]string{token.EQL: "!=", token.NEQ: "==", token.LSS: ">=", token.GEQ: "<", token.GTR: "<=", token.LEQ: ">"}[b.Op]
		}
		if op != "" {
			return e.src.Text(b.X) + " " + op + " " + e.src.Text(b.Y)
		}
		return "!(" + e.src.Text(x) + ")"
	}
	switch x.(type) {
	case *ast.Ident, *ast.CallExpr, *ast.SelectorExpr, *ast.IndexExpr:
		return "!" + e.src.Text(x)
	}
	return "!(" + e.src.Text(x) + ")"
}

// pure reports whether evaluating x again and again, in another goroutine
// too, is what the test means: it receives from no channel, defines no
// function and does not use the testing value.
func (e *env) pure(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.FuncLit:
			ok = false
		case *ast.Ident:
			obj := e.pass.TypesInfo.ObjectOf(n)
			if obj == nil || obj == e.sc.t {
				ok = false // undefined in code with type errors, or the testing value
			}
		case *ast.CallExpr:
			if t := e.pass.TypesInfo.TypeOf(n); t == nil || t == types.Typ[types.Invalid] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// A check is a statement after a wait that fails the test unless what the
// test waited for has happened.
type check struct {
	stmt ast.Stmt
	// call is the testify assertion, or the t.Fatal-like call in the body
	// of the if statement.
	call *ast.CallExpr
	// fails is the condition of the if statement; nil for an assertion.
	fails ast.Expr
	// stops is true when a failed check ends the test (require, t.Fatal).
	stops bool
}

// checksAfter returns the checks that follow the wait, up to the first
// statement that is not one.
func (e *env) checksAfter() []check {
	rest := e.w.list[e.w.index+1:]
	if len(rest) > 1 {
		e.read, e.reads = e.readStmt(rest[0])
		if e.read != nil {
			rest = rest[1:]
		}
	}
	var out []check
	for _, st := range rest {
		ch, ok := e.check(st)
		if !ok {
			break
		}
		out = append(out, ch)
	}
	if e.read != nil && !e.readChecked(out) {
		e.read, e.reads = nil, nil
		return nil
	}
	return out
}

// check recognizes a check that expects something to have happened:
// a testify assertion such as require.Equal(t, 3, n.Load()), or
// if n.Load() != 3 { t.Fatalf(…) }. A check that something did not
// happen (require.False, require.Empty) is what a sleep is for.
func (e *env) check(st ast.Stmt) (check, bool) {
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return check{}, false
		}
		fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil {
			return check{}, false
		}
		path := fn.Pkg().Path()
		if path != testifyAssert && path != testifyRequire || len(call.Args) < 2 || !e.isT(call.Args[0]) {
			return check{}, false
		}
		for _, a := range call.Args[1:] {
			if !e.pure(a) || !e.query(a) {
				return check{}, false
			}
		}
		if !e.expectsEvent(fn.Name(), call.Args[1:]) {
			return check{}, false
		}
		return check{stmt: st, call: call, stops: path == testifyRequire}, true
	case *ast.IfStmt:
		if st.Init != nil || st.Else != nil || len(st.Body.List) != 1 {
			return check{}, false
		}
		es, ok := st.Body.List[0].(*ast.ExprStmt)
		if !ok {
			return check{}, false
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return check{}, false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !e.isT(sel.X) {
			return check{}, false
		}
		stops := false
		switch sel.Sel.Name {
		case "Fatal", "Fatalf", "FailNow":
			stops = true
		case "Error", "Errorf", "Fail":
		default:
			return check{}, false
		}
		if !e.pure(st.Cond) || !e.query(st.Cond) || !e.happened(st.Cond) {
			return check{}, false
		}
		return check{stmt: st, call: call, fails: st.Cond, stops: stops}, true
	}
	return check{}, false
}

func (e *env) isT(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && e.pass.TypesInfo.Uses[id] == e.sc.t
}

// expectsEvent reports whether the testify assertion name, with its
// arguments after the testing value, passes only once something happened.
func (e *env) expectsEvent(name string, args []ast.Expr) bool {
	if strings.HasSuffix(name, "f") && name != "Greaterf" {
		name = strings.TrimSuffix(name, "f")
	}
	arg := func(i int) ast.Expr {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	switch name {
	case "True", "NotNil", "NotEmpty", "NotZero", "Positive", "Contains", "Greater", "GreaterOrEqual", "Subset":
		return e.changing(arg(0))
	case "Equal", "EqualValues", "Exactly", "ElementsMatch":
		return e.expected(arg(0)) && e.changing(arg(1))
	case "Len":
		return arg(1) != nil && !e.zero(arg(1)) && e.changing(arg(0))
	case "NoError":
		return e.readVar(arg(0)) // the read succeeds: the file is there
	}
	return false
}

// happened reports whether the failure condition of an if statement is one
// that holds until something happens: !done, n != 3 (3 not zero),
// v == nil, len(s) == 0, len(s) < 3, n < 3.
func (e *env) happened(fails ast.Expr) bool {
	x := ast.Unparen(fails)
	switch x := x.(type) {
	case *ast.UnaryExpr:
		return x.Op == token.NOT && e.changing(x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.NEQ:
			if e.isNil(x.Y) && e.readVar(x.X) {
				return true // the read fails until the file is there
			}
			return e.expected(x.Y) && e.changing(x.X) || e.expected(x.X) && e.changing(x.Y)
		case token.EQL:
			if e.isNil(x.Y) && e.changing(x.X) || e.isNil(x.X) && e.changing(x.Y) {
				return true
			}
			return e.zero(x.Y) && e.isLen(x.X)
		case token.LSS, token.LEQ:
			return e.nonZero(x.Y) && e.changing(x.X) && e.isInt(x.X)
		}
	}
	return false
}

func (e *env) isLen(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	b, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Builtin)
	return ok && b.Name() == "len" && e.changing(call.Args[0])
}

func (e *env) isInt(x ast.Expr) bool {
	t := e.pass.TypesInfo.TypeOf(x)
	b, ok := t.(*types.Basic)
	if !ok {
		if t == nil {
			return false
		}
		b, ok = t.Underlying().(*types.Basic)
	}
	return ok && b.Info()&types.IsInteger != 0
}

// ordered reports whether x is an integer or a string, whose order is
// total.
func (e *env) ordered(x ast.Expr) bool {
	t := e.pass.TypesInfo.TypeOf(x)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsString) != 0
}

func (e *env) isNil(x ast.Expr) bool {
	tv, ok := e.pass.TypesInfo.Types[x]
	return ok && tv.IsNil()
}

// zero reports whether x is a constant zero value: 0, "", false.
func (e *env) zero(x ast.Expr) bool {
	tv, ok := e.pass.TypesInfo.Types[x]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// expected reports whether x is a value a check expects to appear: not
// zero or nil, and not a snapshot of the state taken before the wait.
func (e *env) expected(x ast.Expr) bool {
	if !e.nonZero(x) || e.snapshot(x) {
		return false
	}
	call := false
	ast.Inspect(x, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if tv, ok := e.pass.TypesInfo.Types[c.Fun]; !ok || !tv.IsType() {
				call = true
			}
		}
		return !call
	})
	return !call
}

// nonZero reports whether x is an expected value that a fresh state does
// not already hold: not nil and not a constant zero.
func (e *env) nonZero(x ast.Expr) bool {
	return x != nil && !e.isNil(x) && !e.zero(x)
}

// changing reports whether the value of x can change while the test
// waits: it calls a function, reads a field, an element, a pointer or a
// package variable, or a variable a function literal shares.
func (e *env) changing(x ast.Expr) bool {
	if x == nil {
		return false
	}
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			// A conversion, a builtin or a function of the standard
			// library given arguments (bytes.Equal(a, b)) computes from
			// what it is given; other calls may read state that changes.
			if tv, ok := e.pass.TypesInfo.Types[n.Fun]; !ok || !tv.IsType() {
				switch fn := typeutil.Callee(e.pass.TypesInfo, n).(type) {
				case *types.Builtin:
				case *types.Func:
					if !stdFunc(fn) || len(n.Args) == 0 {
						found = true
					}
				default:
					found = true
				}
			}
		case *ast.IndexExpr, *ast.StarExpr:
			found = true
		case *ast.SelectorExpr:
			if v, ok := e.pass.TypesInfo.Uses[n.Sel].(*types.Var); ok && (v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()) {
				found = true
			}
		case *ast.Ident:
			if v, ok := e.pass.TypesInfo.Uses[n].(*types.Var); ok && (v.Pkg() != nil && v.Parent() == v.Pkg().Scope() || e.shared(v) || e.reads[v]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// stdFunc reports whether fn is a function, not a method, of the standard
// library.
func stdFunc(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Signature().Recv() == nil && fixes.Std(fn.Pkg().Path())
}

// snapshot reports whether x is a variable of the scope's function that
// holds a value read before the wait (size := buf.Len()): a check that
// compares with it expects nothing to have changed.
func (e *env) snapshot(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pos() < e.sc.body.Pos() || v.Pos() >= e.sc.body.End() {
		return false
	}
	found := false
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || as.Pos() >= e.w.stmt.Pos() {
			return !found
		}
		for i, lhs := range as.Lhs {
			lid, ok := lhs.(*ast.Ident)
			if !ok || e.pass.TypesInfo.ObjectOf(lid) != v {
				continue
			}
			if len(as.Rhs) != len(as.Lhs) || e.changing(as.Rhs[i]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// shared reports whether v, a variable of the scope's function, is used
// by a function literal in it, which may change it while the test waits.
func (e *env) shared(v *types.Var) bool {
	body := e.sc.body
	if v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || found {
			return !found
		}
		if v.Pos() >= lit.Pos() && v.Pos() < lit.End() {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && e.pass.TypesInfo.Uses[id] == v {
				found = true
			}
			return !found
		})
		return false
	})
	return found
}

// checks rewrites a wait followed by checks into a wait for the checks
// to pass: with testify's EventuallyWithT, the checks move into it; without,
// a loop polls until the if statements' failure conditions clear, and the
// checks stay as they were.
func (e *env) checks(checks []check) (fixed, bool) {
	if e.read != nil {
		// A bubble keeps the read and its checks as they are, and does not
		// wait at all: it is the better fix where it is safe.
		if g, _ := e.spawnedBefore(); g != nil {
			if f, ok := e.bubble(g); ok {
				return f, true
			}
		}
	}
	last := checks[len(checks)-1].stmt
	what := "the check on line " + strconv.Itoa(e.line(checks[0].stmt))
	if len(checks) > 1 {
		what = fmt.Sprintf("the checks on lines %d-%d", e.line(checks[0].stmt), e.line(last))
	}
	if g, call := e.spawnedBefore(); g != nil {
		what = fmt.Sprintf("the goroutine started on line %d before %s", e.line(g), what)
	} else if call != nil {
		what = fmt.Sprintf("the goroutine %s starts on line %d before %s", e.src.Text(call.Fun), e.line(call), what)
	}
	because := "waits a fixed time for " + what + ": slow when the wait is long, flaky when it is short"
	stops := false
	for _, ch := range checks {
		stops = stops || ch.stops
	}
	if _, _, ok := e.testify(!stops); ok {
		if f, ok := e.eventuallyWithT(because, checks, stops); ok {
			return f, true
		}
	}
	var fails []string
	var conds []ast.Expr
	for _, ch := range checks {
		if ch.fails == nil {
			return fixed{}, false
		}
		fails = append(fails, e.src.Text(ch.fails))
		conds = append(conds, ch.fails)
	}
	if e.read != nil {
		return e.pollRead(because, checks, conds)
	}
	waiting := strings.Join(fails, " || ")
	if len(fails) > 1 || strings.Contains(waiting, "||") {
		waiting = "(" + waiting + ")"
	}
	if strings.Contains(waiting, "\n") {
		return fixed{}, false
	}
	deadline := e.names.Fresh(e.pass, e.w.stmt.Pos(), "deadline", "")
	text := fmt.Sprintf("for %[1]s := %[2]s.Now().Add(%[3]s); %[4]s && %[2]s.Now().Before(%[1]s); {\n\t%[2]s.Sleep(%[5]s)\n}",
		deadline, e.tn, fmt.Sprintf(timeout, e.tn), waiting, fmt.Sprintf(tick, e.tn))
	advice := "poll until the check passes, with a deadline"
	if len(checks) > 1 {
		advice = "poll until the checks pass, with a deadline"
	}
	return e.offer(because, advice, e.src.Replace(e.w.stmt, text))
}

func (e *env) line(n ast.Node) int { return e.pass.Fset.Position(n.Pos()).Line }

// eventuallyWithT replaces the wait and the checks by
//
//	require.EventuallyWithT(t, func(c *assert.CollectT) {
//		assert.Equal(c, 3, n.Load())
//	}, 10*time.Second, 10*time.Millisecond)
func (e *env) eventuallyWithT(because string, checks []check, stops bool) (fixed, bool) {
	if e.unguarded(checks) || e.read != nil && e.usedAfter(checks[len(checks)-1].stmt) {
		return fixed{}, false
	}
	assertPkg := e.assertPackage()
	if assertPkg == nil || assertPkg.Scope().Lookup("CollectT") == nil {
		return fixed{}, false // a testify older than 1.8.3
	}
	var edits []analysis.TextEdit
	an, imp, ok := e.src.AddImport(e.pass, e.sc.file, assertPkg)
	if !ok {
		return fixed{}, false
	}
	if imp != nil {
		edits = append(edits, *imp)
	}
	q := an
	if stops {
		reqPkg := fixes.Package(e.pass, testifyRequire)
		if reqPkg == nil {
			return fixed{}, false
		}
		name, imp, ok := e.src.AddImport(e.pass, e.sc.file, reqPkg)
		if !ok {
			return fixed{}, false
		}
		if imp != nil {
			edits = append(edits, *imp)
		}
		q = name
	}
	c := e.names.Fresh(e.pass, e.w.stmt.Pos(), "c", "")
	// The checks keep their text, and the comments between them; only the
	// testing value they report to changes.
	first, last := e.w.stmt.End(), checks[len(checks)-1].stmt.End()
	var sub []analysis.TextEdit
	for _, ch := range checks {
		if ch.fails == nil {
			fn, ok := typeutil.Callee(e.pass.TypesInfo, ch.call).(*types.Func)
			if !ok {
				return fixed{}, false
			}
			sub = append(sub, e.src.Replace(ch.call.Fun, an+"."+fn.Name()), e.src.Replace(ch.call.Args[0], c))
			continue
		}
		sel := ch.call.Fun.(*ast.SelectorExpr)
		switch sel.Sel.Name {
		case "Fatalf", "Errorf":
		case "Fatal", "Error":
			if len(ch.call.Args) != 1 || !e.plainString(ch.call.Args[0]) {
				return fixed{}, false
			}
		default:
			return fixed{}, false
		}
		sub = append(sub, e.src.Replace(sel, c+".Errorf"))
	}
	inner, ok := e.src.Slice(first, last, sub...)
	if !ok {
		return fixed{}, false
	}
	// A blank line after the wait (and the comment that trails it) would
	// open the function literal.
	if i := strings.Index(inner, "\n"); i >= 0 {
		if head := strings.TrimSpace(inner[:i]); head == "" || strings.HasPrefix(head, "//") {
			rest := inner[i+1:]
			if j := strings.Index(rest, "\n"); j >= 0 && strings.TrimSpace(rest[:j]) == "" {
				inner = inner[:i+1] + rest[j+1:]
			}
		}
	}
	text := fmt.Sprintf("%s.EventuallyWithT(%s, func(%s *%s.CollectT) {%s\n}, %s, %s)",
		q, e.t, c, an, inner, fmt.Sprintf(timeout, e.tn), fmt.Sprintf(tick, e.tn))
	edits = append(edits, e.src.ReplaceSpan(e.w.stmt.Pos(), last, text))
	advice := "wait until the check passes with " + q + ".EventuallyWithT"
	if len(checks) > 1 {
		advice = "wait until the checks pass with " + q + ".EventuallyWithT"
	}
	return e.offer(because, advice, edits...)
}

// assertPackage returns testify's assert package. A package that imports
// only require may not list it among its imports when its dependencies
// come from export data; require's EventuallyWithT names it, by the type
// of its condition's parameter.
func (e *env) assertPackage() *types.Package {
	if p := fixes.Package(e.pass, testifyAssert); p != nil {
		return p
	}
	req := fixes.Package(e.pass, testifyRequire)
	if req == nil {
		return nil
	}
	fn, ok := req.Scope().Lookup("EventuallyWithT").(*types.Func)
	if !ok || fn.Signature().Params().Len() < 2 {
		return nil
	}
	cond, ok := fn.Signature().Params().At(1).Type().(*types.Signature)
	if !ok || cond.Params().Len() != 1 {
		return nil
	}
	ptr, ok := cond.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != testifyAssert {
		return nil
	}
	return named.Obj().Pkg()
}

// plainString reports whether x is a string constant with no % in it, a
// format that prints itself.
func (e *env) plainString(x ast.Expr) bool {
	tv, ok := e.pass.TypesInfo.Types[x]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && !strings.Contains(constant.StringVal(tv.Value), "%")
}

// spawnedBefore returns the last goroutine start of the scope's own body
// before the wait, as the effects engine records it: a go statement, or
// (when there is none) a call whose callee starts one.
func (e *env) spawnedBefore() (*ast.GoStmt, *ast.CallExpr) {
	var g *ast.GoStmt
	var call *ast.CallExpr
	deferred := make(map[ast.Node]bool) // calls that run when the function returns
	ast.Inspect(e.sc.body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok {
			deferred[d.Call] = true
		}
		return true
	})
	for _, s := range e.eff.Sites(e.sc.fn) {
		if deferred[s.Node] {
			continue
		}
		if s.Effect.Kind != catalog.Spawn || s.Node.Pos() >= e.w.stmt.Pos() {
			continue
		}
		switch n := s.Node.(type) {
		case *ast.GoStmt:
			g = n
		case *ast.CallExpr:
			if s.Callee != nil && !strings.Contains(e.src.Text(n.Fun), "\n") {
				call = n
			}
		}
	}
	return g, call
}

// bubble rewrites a test that sleeps to let the goroutines it started run:
//
//	synctest.Test(t, func(t *testing.T) {
//		go work()
//		synctest.Wait()
//		…
//	})
//
// In the bubble, synctest.Wait returns as soon as every goroutine of the
// test is blocked or done. That is what the sleep hoped for only when the
// goroutines end by themselves and wait for nothing the bubble cannot
// see: a go statement starts a function literal with no loop, select,
// further goroutine or clock in it, nothing the test calls starts a
// goroutine of its own, which may outlive the test, and nothing in the
// test does real I/O, uses a process-wide name or runs subtests, which
// panic in a bubble.
func (e *env) bubble(g *ast.GoStmt) (fixed, bool) {
	t := e.sc.test
	body := e.sc.body
	if t == nil || t.Kind != tests.TopLevel || len(t.Subtests) > 0 || e.w.owner != body || e.w.what != "time.Sleep" {
		return fixed{}, false
	}
	// A top-level test's parameter is a *testing.T, which synctest.Test takes.
	if !fixes.AtLeast(e.pass, e.sc.file, fixes.Synctest) {
		return fixed{}, false
	}
	start := 0
	if t.Parallel != nil {
		if ps := t.ParallelStmt(); ps == nil || body.List[0] != ps {
			return fixed{}, false
		}
		start = 1
	}
	blocked := false
	e.eff.Walk(t.Func, func(s effects.Site) bool {
		switch s.Effect.Kind {
		case catalog.IO, catalog.Shared, catalog.Deny, catalog.Observe:
			blocked = true
		case catalog.Spawn:
			// A goroutine the code under test starts may outlive the
			// test, and a bubble whose goroutines are left blocked
			// fails as deadlocked; one the test starts must end.
			g, ok := s.Node.(*ast.GoStmt)
			blocked = s.Callee != nil || !ok || !e.shortLived(g)
		case catalog.Parallel:
			blocked = t.Parallel == nil || s.Node != t.Parallel.Node
		}
		return !blocked
	})
	if blocked {
		return fixed{}, false
	}
	testingName, ok := fixes.ImportName(e.pass, e.sc.file, "testing")
	if !ok {
		return fixed{}, false
	}
	sn, imp, ok := e.src.AddStdImport(e.pass, e.sc.file, "testing/synctest")
	if !ok {
		return fixed{}, false
	}
	first, last := body.List[start], body.List[len(body.List)-1]
	inner, ok := e.src.Slice(first.Pos(), last.End(), e.src.Replace(e.w.stmt, sn+".Wait()"))
	if !ok {
		return fixed{}, false
	}
	text := fmt.Sprintf("%s.Test(%s, func(%s *%s.T) {\n%s\n})", sn, e.t, e.t, testingName, inner)
	edits := []analysis.TextEdit{e.src.ReplaceSpan(first.Pos(), last.End(), text)}
	if imp != nil {
		edits = append(edits, *imp)
	}
	if drop, ok := e.src.DropImport(e.pass, e.sc.file, "time", e.w.stmt); ok {
		edits = append(edits, drop) // the sleep was the file's last use of package time
	}
	because := fmt.Sprintf("waits a fixed time for the goroutine started on line %d: slow when the wait is long, flaky when it is short", e.line(g))
	return e.offer(because, "run the test in a synctest bubble and wait with "+sn+".Wait", edits...)
}

// shortLived reports whether the goroutine g starts runs a function
// literal that cannot block or wait: no loop, select, channel operation
// but close, goroutine or use of package time, and no call but to
// builtins, conversions, sync/atomic, (*sync.WaitGroup).Done and the
// standard library's pure packages. Such a goroutine ends by itself, and
// synctest.Wait returning means it has; one that blocks on a mutex or a
// channel nobody serves would leave the bubble waiting or deadlocked.
func (e *env) shortLived(g *ast.GoStmt) bool {
	lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	ast.Inspect(lit.Body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt, *ast.GoStmt, *ast.FuncLit, *ast.SendStmt:
			ok = false
		case *ast.UnaryExpr:
			ok = m.Op != token.ARROW
		case *ast.CallExpr:
			ok = e.cannotBlock(m)
		}
		return ok
	})
	return ok
}

// pureStd are the packages of the standard library whose functions only
// compute.
var pureStd = map[string]bool{
	"bytes": true, "errors": true, "fmt": true, "maps": true, "math": true, "slices": true,
	"sort": true, "strconv": true, "strings": true, "unicode": true, "unicode/utf8": true,
}

// cannotBlock reports whether call is one that neither blocks nor waits.
func (e *env) cannotBlock(call *ast.CallExpr) bool {
	if tv, ok := e.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	switch fn := typeutil.Callee(e.pass.TypesInfo, call).(type) {
	case *types.Builtin:
		return true
	case *types.Func:
		if fn.Pkg() == nil {
			return false
		}
		path := fn.Pkg().Path()
		switch {
		case path == "sync/atomic":
			return true
		case fn.FullName() == "(*sync.WaitGroup).Done":
			return true
		case pureStd[path] && fn.Signature().Recv() == nil:
			return !strings.HasPrefix(fn.Name(), "Fprint") && !strings.HasPrefix(fn.Name(), "Print") && !strings.HasPrefix(fn.Name(), "Scan") && !strings.HasPrefix(fn.Name(), "Fscan")
		}
	}
	return false
}
