package effects

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/isolint/isolint/internal/catalog"
)

// effectSet is an ordered set of effects that only grows, bounded per kind,
// so that propagation terminates and stays deterministic.
type effectSet struct {
	list   []Effect
	index  map[effectKey]bool
	byKind map[catalog.Kind]int
}

func (s *effectSet) add(e Effect) bool {
	return s.addWith(e, nil)
}

// addWith is add for an effect whose chain, when chain is not nil, is
// built only if the effect is added: most effects reached again through a
// call are already in the set.
func (s *effectSet) addWith(e Effect, chain func() []string) bool {
	k := e.key()
	if s.index[k] {
		// An effect reached again may say more: that it goes through the
		// variable, that it happens for sure, that it does not always
		// reset the state to its baseline, or that a sleep does not always
		// poll. Each only ever changes one way,
		// so propagation terminates.
		grew := false
		for i := range s.list {
			if s.list[i].key() != k {
				continue
			}
			if e.Through && !s.list[i].Through {
				s.list[i].Through, grew = true, true
			}
			if !e.Maybe && s.list[i].Maybe {
				s.list[i].Maybe, grew = false, true
			}
			if !e.Resets && s.list[i].Resets {
				s.list[i].Resets, grew = false, true
			}
			if !e.Start && s.list[i].Start {
				s.list[i].Start, grew = false, true
			}
			if !e.OnSuccess && s.list[i].OnSuccess {
				s.list[i].OnSuccess, grew = false, true
			}
			if !e.Polls && s.list[i].Polls {
				s.list[i].Polls, grew = false, true
			}
			if e.SavedIn != s.list[i].SavedIn && s.list[i].SavedIn != "" {
				s.list[i].SavedIn, grew = "", true
			}
			if e.PutBackFrom != s.list[i].PutBackFrom && s.list[i].PutBackFrom != "" {
				s.list[i].PutBackFrom, grew = "", true
			}
			if e.IfNoError && !s.list[i].IfNoError {
				s.list[i].IfNoError, grew = true, true
			}
		}
		return grew
	}
	limit := maxPerKind
	if catalog.Of(e.Kind).Many {
		limit = maxMany
	}
	if e.Kind == catalog.ReadsFirst || e.Kind == catalog.ReadsEnv {
		limit = maxReads
	}
	// A read of a setter's default is kept whatever the count: the
	// catalog bounds those reads, and folding one into AnyState would
	// make every default look read (a test that reaches a TLS stack reads
	// dozens of variables, and no log.Flags).
	counted := !defaultRead(e)
	if counted && s.byKind[e.Kind] >= limit {
		all, ok := readsAll(e.Kind)
		if !ok || e.What == all {
			return false
		}
		// More reads than a summary keeps: it reads anything.
		e = Effect{Kind: e.Kind, What: all, Param: -1, Where: e.Where}
		if s.index[e.key()] {
			return false
		}
		s.byKind[e.Kind]--
		chain = nil
	}
	if s.index == nil {
		s.index = make(map[effectKey]bool)
		s.byKind = make(map[catalog.Kind]int)
	}
	if chain != nil {
		e.Chain = chain()
	}
	s.index[k] = true
	if counted {
		s.byKind[e.Kind]++
	}
	s.list = append(s.list, e)
	return true
}

// defaultRead reports whether e reads the default a catalog setter
// changes ("log.SetFlags", read by log.Flags).
func defaultRead(e Effect) bool {
	if e.Kind != catalog.ReadsFirst {
		return false
	}
	api, ok := catalog.Lookup(e.What)
	return ok && api.Kind == catalog.Setter
}

// propagate computes the summary of every declared function: its own
// effects, those of the literals nested in it and those of its callees, to
// a fixed point over the package's call graph.
func (b *builder) propagate() {
	for _, d := range slices.Concat(b.decls, b.varOrder) {
		d.reached = b.reach(d)
		for _, r := range d.reached {
			for _, c := range r.f.calls {
				if b.byObj[c.callee] != nil || b.vars[c.via] != nil {
					b.callers[c.target()] = append(b.callers[c.target()], d)
				}
				for _, m := range b.dispatchTargets(c) {
					b.callers[m] = append(b.callers[m], d)
				}
			}
		}
	}
	work := append(b.calleesFirst(), b.varOrder...)
	queued := make(map[*function]bool, len(work))
	for _, d := range work {
		queued[d] = true
	}
	for len(work) > 0 {
		d := work[0]
		work = work[1:]
		queued[d] = false
		if !b.summarize(d) {
			continue
		}
		var key types.Object = d.obj
		if d.variable != nil {
			key = d.variable
		}
		if key == nil {
			continue
		}
		for _, caller := range b.callers[key] {
			if !queued[caller] {
				queued[caller] = true
				work = append(work, caller)
			}
		}
	}
}

// calleesFirst returns the declared functions in the order of a
// depth-first walk of the package's call graph that puts each function
// after the functions it calls (but in a cycle), so that most are
// summarized once, after their callees.
func (b *builder) calleesFirst() []*function {
	order := make([]*function, 0, len(b.decls))
	seen := make(map[*function]bool, len(b.decls))
	var visit func(d *function)
	visit = func(d *function) {
		if seen[d] {
			return
		}
		seen[d] = true
		for _, f := range d.all() {
			for _, c := range f.calls {
				if callee := b.byObj[c.callee]; callee != nil {
					visit(callee)
				}
			}
		}
		order = append(order, d)
	}
	for _, d := range b.decls {
		visit(d)
	}
	return order
}

// all returns f and the literals nested in it, in source order.
func (f *function) all() []*function {
	out := []*function{f}
	for _, l := range f.lits {
		out = append(out, l.all()...)
	}
	return out
}

// summarize adds to d's summary everything now known to be reachable from
// it, and reports whether the summary grew.
func (b *builder) summarize(d *function) bool {
	grew := false
	var gs []guard // built on first need
	built := false
	guarded := func(f *function, what string, pos token.Pos) bool {
		if !built {
			gs, built = b.guards(d), true
		}
		return !unguarded(gs, f, what, pos)
	}
	for _, r := range d.reached {
		f := r.f
		for _, s := range f.direct {
			if !b.carries(d, f, s.Effect.Kind) {
				continue
			}
			if s.Effect.Kind == catalog.ReadsFirst && guarded(f, s.Effect.What, s.Node.Pos()) {
				continue
			}
			e := apply(s.Effect, r.mode)
			e.OnSuccess = f == d && !e.Returned && changesState(e.Kind) && b.successOnly(d, s.Node)
			if f == d && !e.Returned && e.Kind == catalog.GlobalVar {
				e.SavedIn, e.PutBackFrom, e.IfNoError = b.fieldSwap(d, s.Node)
			}
			if e.Kind == catalog.RegistersOn && !b.registersOnly(d, s.T) {
				continue
			}
			if e, ok := d.lift(e, s.T); ok && d.summary.add(e) {
				grew = true
			}
		}
		for _, c := range f.calls {
			for _, ce := range b.effectsOfCall(c) {
				if !b.carries(d, f, ce.Kind) {
					continue
				}
				if ce.Kind == catalog.ReadsFirst && c.node != nil && guarded(f, ce.What, c.node.Pos()) {
					continue
				}
				ce, ok := b.viaCall(c, ce)
				if !ok {
					continue
				}
				e, t := b.throughArg(c, apply(ce, r.mode))
				e.OnSuccess = f == d && !e.Returned && changesState(e.Kind) && c.node != nil && (ce.OnSuccess && b.forwards(d, c.node) || b.successOnly(d, c.node))
				if b.fixedName(c, ce) {
					e = sharedName(e)
				}
				if e.Kind == catalog.RegistersOn && !b.registersOnly(d, t) {
					continue
				}
				if e, ok := d.lift(e, t); ok && d.summary.addWith(e, func() []string { return chainThrough(c, ce) }) {
					grew = true
				}
			}
		}
	}
	return grew
}

// carries reports whether an effect of kind k, reached in f (d's body or a
// literal nested in it), belongs to d's summary. A sleep does only when d
// is a test helper and sleeps in its own body: one in a function literal
// (a goroutine, a handler) simulates work rather than waits for it.
func (b *builder) carries(d, f *function, k catalog.Kind) bool {
	if k != catalog.Sleep {
		return true
	}
	return f == d && (d.inTest || b.support || d.takesT())
}

// takesT reports whether the function has a testing parameter.
func (f *function) takesT() bool {
	for _, p := range f.params {
		if catalog.TestingValue(p.Type()) {
			return true
		}
	}
	return false
}

// lift turns an effect reached inside d's body into an effect of d itself:
// one acting on a testing value names the parameter holding it, or -1
// when the value was created inside d. Calling Parallel on a value created
// inside is no business of d's callers.
func (d *function) lift(e Effect, t types.Object) (Effect, bool) {
	if catalog.Of(e.Kind).ByParam {
		// A registration travels to callers only as a parameter of d's.
		e.Param = -1
		for i, p := range d.params {
			if t != nil && types.Object(p) == t {
				e.Param = i
			}
		}
		if e.Kind == catalog.Mutates && t != nil && d.recv != nil && t == types.Object(d.recv) {
			e.Param = catalog.Receiver
		}
		return e, e.Param >= 0 || e.Param == catalog.Receiver
	}
	if !catalog.Of(e.Kind).OnT {
		return e, true
	}
	e.Param = -1
	for i, p := range d.params {
		if t != nil && types.Object(p) == t {
			e.Param = i
		}
	}
	if e.Kind == catalog.Parallel && e.Param < 0 {
		return e, false
	}
	return e, true
}

// through returns the callee's effect ce as reached by call c: named after
// the callee, and, for an effect on a testing parameter, with the variable
// passed for it.
func (b *builder) through(c call, ce Effect) (Effect, types.Object) {
	e, t := b.throughArg(c, ce)
	e.Chain = chainThrough(c, ce)
	return e, t
}

// chainThrough returns the chain of the callee's effect ce reached by
// call c: the callee's name, then ce's own chain.
func chainThrough(c call, ce Effect) []string {
	chain := make([]string, 0, min(len(ce.Chain)+1, maxChain))
	chain = append(chain, c.calleeName())
	for _, n := range ce.Chain {
		if len(chain) == maxChain {
			break
		}
		chain = append(chain, n)
	}
	return chain
}

// throughArg is through without the chain: the effect as reached by call
// c, and the variable passed for its testing parameter.
func (b *builder) throughArg(c call, ce Effect) (Effect, types.Object) {
	e := ce
	var t types.Object
	if ce.Kind == catalog.Mutates {
		return e, b.mutatedRoot(c, ce.Param)
	}
	if info := catalog.Of(ce.Kind); (info.OnT || info.ByParam) && ce.Param >= 0 && ce.Param < len(c.args) {
		arg := c.args[ce.Param]
		if ce.Kind == catalog.Persists {
			arg = valueRoot(arg) // &u, u.Email: the value the caller received
		}
		t = identObj(b.pass.TypesInfo, arg)
		if ce.Kind == catalog.Dispatch {
			t = b.dispatchRoot(t, ce.What == AnyMethod)
		}
	}
	return e, t
}

// fixedName reports whether call c passes a constant for the parameter
// that the callee's effect ce registers: a fixed name in a process-wide
// namespace, which is no parameter of the caller's.
func (b *builder) fixedName(c call, ce Effect) bool {
	if ce.Kind != catalog.Registers || ce.Param < 0 || c.ref {
		return false
	}
	if api, ok := catalog.Lookup(ce.What); ok && api.ArgIs == catalog.ArgAddr {
		return b.fixedAddr(c, ce)
	}
	if ce.Param >= len(c.args) {
		return false
	}
	tv, ok := b.pass.TypesInfo.Types[c.args[ce.Param]]
	return ok && tv.Value != nil
}

// fixedAddr reports whether call c passes a fixed port for the address
// that the callee's effect ce listens on: a constant with a fixed port, or
// no address (none for a variadic parameter, or "") where the callee then
// uses a fixed default, ce.Key.
func (b *builder) fixedAddr(c call, ce Effect) bool {
	if ce.Param >= len(c.args) {
		return ce.Key != "" && !c.node.Ellipsis.IsValid()
	}
	tv, ok := b.pass.TypesInfo.Types[c.args[ce.Param]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	addr := constant.StringVal(tv.Value)
	return fixedPort(addr) || addr == "" && ce.Key != ""
}

// sharedName turns the registration of a fixed name into the use of a
// process-wide name that it is for the caller.
func sharedName(e Effect) Effect {
	e.Kind, e.Param, e.Key = catalog.Shared, -1, ""
	return e
}

// effectsOf returns the summary of a callee: computed so far for this
// package, or imported as a fact.
func (b *builder) effectsOf(fn *types.Func) []Effect {
	if fn == nil {
		return nil
	}
	if f := b.byObj[fn]; f != nil {
		return f.summary.list
	}
	if es, ok := b.imported[fn]; ok {
		return es
	}
	var s Summary
	if fn.Pkg() != nil && fn.Pkg() != b.pass.Pkg && b.pass.ImportObjectFact(fn, &s) {
		if fn.Pkg().Path() == "testing" {
			s.Effects = testingOwn(s.Effects)
		}
		b.imported[fn] = s.Effects
		return s.Effects
	}
	b.imported[fn] = nil
	return nil
}

// testingOwn marks as Maybe the effects of a testing package function
// that do not act on a testing value. The testing package runs tests: the
// process-wide state it sets for the tests it runs (GOMAXPROCS to the
// -test.cpu value, in testing.RunTests) is no change that a test calling
// it makes, though two such calls at once still race.
func testingOwn(es []Effect) []Effect {
	out := make([]Effect, len(es))
	for i, e := range es {
		e.Maybe = e.Maybe || !catalog.Of(e.Kind).OnT
		out[i] = e
	}
	return out
}

// settle computes the Restored flag of each effect in d's summary, after
// those of the functions it calls in this package; a call cycle leaves the
// effects of the function being settled as unrestored.
func (b *builder) settle(d *function) {
	if d.settled != 0 {
		return
	}
	// Only changes of the environment, the working directory, package
	// variables and setters can be restored: without one, there is
	// nothing to settle, and no sites to gather.
	if !slices.ContainsFunc(d.summary.list, func(e Effect) bool { return !catalog.Of(e.Kind).OnT && undoKey(e) != "" }) {
		for i := range d.summary.list {
			d.summary.list[i].Restored = false
		}
		d.settled = 2
		return
	}
	d.settled = 1
	var sites []Site
	for _, r := range d.reached {
		f := r.f
		for _, c := range f.calls {
			if callee := b.byObj[c.callee]; callee != nil {
				b.settle(callee)
			}
		}
		for _, s := range f.direct {
			if mayRestore(s.Effect) {
				s.Restores = s.Restores || f.restorer
				s.AtCleanup = f.cleanup
				s.Effect = apply(s.Effect, r.mode)
				sites = append(sites, s)
			}
		}
		for _, c := range f.calls {
			for _, ce := range b.effectsOfCall(c) {
				ce, ok := b.viaCall(c, ce)
				ce = apply(ce, r.mode)
				if ok && mayRestore(ce) {
					sites = append(sites, callSite(c, f, ce))
				}
			}
		}
	}
	for i := range d.summary.list {
		e := &d.summary.list[i]
		e.Restored = !catalog.Of(e.Kind).OnT && restored(sites, *e)
		e.AtCleanup = e.Restored && e.Kind == catalog.GlobalVar && slices.ContainsFunc(sites, func(s Site) bool {
			return s.AtCleanup && undoes(s, *e, undoKey(*e))
		})
	}
	d.settled = 2
}

// callSite is the site at which call c, in f, reaches the callee's
// effect e.
func callSite(c call, f *function, e Effect) Site {
	restores := c.restores || f.restorer
	return Site{
		Node: c.node, Effect: e, Callee: c.callee,
		Restores: restores, Undone: c.undone, Final: c.final,
		// A helper that unsets or clears, deferred, loses the value that
		// was there; one that sets is taken to set one it was given.
		Inexact: restores && e.Kind == catalog.Env && !strings.HasSuffix(e.What, ".Setenv"),
	}
}

// Restored reports whether sites, those of one test or function, undo the
// effect e: some site that runs deferred or at cleanup puts back the
// value that was there, or a t.Setenv or t.Chdir isolates it, or every
// site that has the effect is itself restored, resets the state to its
// baseline, or is followed by such a reset at the end of the function.
func Restored(sites []Site, e Effect) bool { return restored(sites, e) }

// Undoes reports whether some site of sites undoes the change e when it
// runs: a deferred or cleanup restore, an undo function, a t.Setenv or
// t.Chdir, or a reset to the baseline at the end, after pos.
func Undoes(sites []Site, e Effect, pos token.Pos) bool {
	k := undoKey(e)
	if k == "" {
		return false
	}
	for _, s := range sites {
		if undoes(s, e, k) || s.Final && (s.Effect.Resets || s.PutsBack) && !s.Restores && undoKey(s.Effect) == k && s.Node != nil && s.Node.Pos() > pos {
			return true
		}
	}
	return false
}

func restored(sites []Site, e Effect) bool {
	k := undoKey(e)
	if k == "" {
		return false
	}
	all := true
	for _, s := range sites {
		if undoes(s, e, k) {
			return true
		}
		if s.Effect.key() == e.key() && !s.Restores && !s.Undone && !s.Effect.Restored && !s.Effect.Resets && !s.PutsBack && !resetLater(sites, s) && !cleanedAfter(sites, s) {
			all = false
		}
	}
	return all
}

// cleanedAfter reports whether an earlier call among sites, to a function
// that restores the variable s writes at cleanup, undoes s too: the
// cleanup runs after the rest of the test (testAsset stubs openFile and
// restores it with t.Cleanup; the test then stubs openFile again).
func cleanedAfter(sites []Site, s Site) bool {
	if s.Effect.Kind != catalog.GlobalVar || s.Effect.Through || s.Node == nil {
		return false
	}
	for _, c := range sites {
		if c.Callee != nil && c.Effect.AtCleanup && !c.Restores && c.Node != nil && c.Node.Pos() < s.Node.Pos() && c.Effect.What == s.Effect.What {
			return true
		}
	}
	return false
}

// undoes reports whether the site s undoes the change e, whose undo key
// is k: it runs deferred or at cleanup and puts back the value that was
// there (a clearing of the whole environment only by setting variables
// whose names are not constant: a loop over a saved os.Environ()), it
// is the function a call returned to undo itself, or it isolates.
func undoes(s Site, e Effect, k string) bool {
	if (s.Restores && !s.Inexact || s.Undone) && undoKey(s.Effect) == k && sameVar(s.Effect, e) && (!clears(e) || s.Effect.Key == "") {
		return true
	}
	api, ok := catalog.Lookup(s.Effect.What)
	return ok && (api.Isolates != 0 && kindKey(api.Isolates) == k && sameVar(s.Effect, e) || api.Undoes == e.What)
}

// clears reports whether e clears the whole environment.
func clears(e Effect) bool {
	return strings.HasSuffix(e.What, ".Clearenv")
}

// resetLater reports whether a reset of the state that s changes to its
// baseline follows s at the end of the function.
func resetLater(sites []Site, s Site) bool {
	if s.Node == nil {
		return false
	}
	for _, r := range sites {
		if r.Final && (r.Effect.Resets || r.PutsBack) && !r.Restores && undoKey(r.Effect) == undoKey(s.Effect) && r.Node != nil && r.Node.Pos() > s.Node.Pos() {
			return true
		}
	}
	return false
}

// mayRestore reports whether a site with the effect e can decide whether
// another effect is restored: it changes what can be restored, or it is a
// call that isolates or undoes a change. restored ignores all other sites.
func mayRestore(e Effect) bool {
	if undoKey(e) != "" {
		return true
	}
	api, ok := catalog.Lookup(e.What)
	return ok && (api.Isolates != 0 || api.Undoes != "")
}

// sameVar reports whether two changes of the environment may be of the
// same variable: their names are equal, or one is not known.
func sameVar(a, b Effect) bool {
	return a.Key == "" || b.Key == "" || a.Key == b.Key
}

// undoKey says which effects undo which: any change of the environment
// undoes another, likewise of the working directory; a package variable or
// a process-wide setter is undone by writing it again.
func undoKey(e Effect) string {
	switch e.Kind {
	case catalog.Env, catalog.Cwd:
		return kindKey(e.Kind)
	case catalog.GlobalVar, catalog.Setter:
		return e.What
	}
	return ""
}

func kindKey(k catalog.Kind) string { return "kind:" + k.String() }

// export attaches each declared function's summary as a fact, and to each
// package variable of function type the summary of what is assigned to it.
func (b *builder) export() {
	for _, d := range slices.Concat(b.decls, b.varOrder) {
		if d.obj == nil && d.variable == nil || len(d.summary.list) == 0 {
			continue
		}
		var es []Effect
		for _, e := range d.summary.list {
			// The standard library's own state stays inside it, except what
			// its test helpers (export_test.go) change for its tests.
			if b.std && !d.inTest && !catalog.Of(e.Kind).FromStd {
				continue
			}
			es = append(es, e)
		}
		if len(es) == 0 {
			continue
		}
		sortEffects(es)
		if d.variable != nil {
			b.pass.ExportObjectFact(d.variable, &Summary{Effects: es})
			continue
		}
		b.pass.ExportObjectFact(d.obj, &Summary{Effects: es})
	}
}

// resolveSites fills in, for every function body, the sites where effects
// are reached: its direct effects and each effect of each callee.
func (b *builder) resolveSites() {
	for _, d := range b.decls {
		for _, r := range d.reached {
			f := r.f
			mode := r.mode
			if mode == useReturned {
				mode = useHanded // a site of a test's own code: who calls it is unknown
			}
			sites := append([]Site(nil), f.direct...)
			for i := range sites {
				sites[i].Restores = sites[i].Restores || f.restorer
				sites[i].Effect = apply(sites[i].Effect, mode)
			}
			for _, c := range f.calls {
				for _, ce := range b.effectsOfCall(c) {
					ce, ok := b.viaCall(c, ce)
					if !ok || ce.Returned {
						continue // the effect of a function returned to the caller
					}
					e, t := b.through(c, apply(ce, mode))
					s := callSite(c, f, e)
					s.T = t
					sites = append(sites, s)
					if b.fixedName(c, ce) {
						s.Effect = sharedName(e)
						sites = append(sites, s)
					}
				}
			}
			sortSites(sites)
			f.sites = sites
		}
	}
}

// sortSites orders sites by position; the sort is stable, so the effects
// reached at one node keep their order.
func sortSites(s []Site) {
	sort.SliceStable(s, func(i, j int) bool { return s[i].Node.Pos() < s[j].Node.Pos() })
}
