package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/isolint/isolint/internal/gotest"
	"github.com/isolint/isolint/internal/vetjson"
)

// corpusOptions tune a -corpus run.
type corpusOptions struct {
	ledger       string   // the ledger file
	writeLedger  bool     // rewrite the ledger with this run's findings
	isolintFlags []string // passed to isolint, e.g. -parallel
	tests        bool     // run the tests before and after -fix
	testFlags    []string // go test flags, e.g. -count=2 -race
	runs         int      // how many times the tests run after -fix
	testTimeout  time.Duration
	// moduleTimeout, if not 0, bounds all the work on one module: what
	// has not finished by then is counted as timed out (the tests that
	// finished are still compared).
	moduleTimeout time.Duration
	strict        bool // newly failing tests fail the run
}

// online is the environment in which a corpus module and its
// dependencies are downloaded.
var online = []string{"GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod -buildvcs=false"}

// readCorpus reads the module list: module@version a line, # comments.
// The word large after a module marks one whose run takes longer than
// CI's sample can give a module; only -full and -match run it.
func readCorpus(file string) ([]module, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var mods []module
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		large := len(fields) == 2 && fields[1] == "large"
		if strings.Count(fields[0], "@") != 1 || len(fields) > 2 || len(fields) == 2 && !large {
			return nil, fmt.Errorf("%s:%d: %q is not module@version [large]", file, n, line)
		}
		mods = append(mods, module{name: fields[0], large: large})
	}
	return mods, nil
}

// sampleable returns the modules that CI's time-bounded sample may run.
func sampleable(mods []module) []module {
	return slices.DeleteFunc(slices.Clone(mods), func(m module) bool { return m.large })
}

// sampleOrder puts the modules in a pseudo-random order that changes
// every day, so that CI's time-bounded samples cover the corpus over a
// few days; seed is printed so that a sample can be run again.
func sampleOrder(mods []module, seed string) {
	key := func(m module) uint64 {
		h := fnv.New64a()
		h.Write([]byte(seed + " " + m.name))
		return h.Sum64()
	}
	slices.SortStableFunc(mods, func(a, b module) int { return cmp.Compare(key(a), key(b)) })
}

// corpusTotals are the totals of a -corpus run.
type corpusTotals struct {
	tried, checked, timedOut, failures int
	byAnalyzer                         map[string]int // findings
	verdicts                           map[string]int // analyzer + " " + verdict, over current findings
	added, tpGone, fpBack              int
	newlyFailing                       map[string]int // module → tests
}

// runCorpus runs the corpus modules: findings against the ledger, then
// -fix, go vet and the tests before and after. It prints what it found
// and returns the number of failures.
func runCorpus(c *config, mods []module, o corpusOptions) int {
	ledger, err := readLedger(o.ledger)
	if err != nil {
		fmt.Printf("FAIL reading the ledger: %v\n", err)
		return 1
	}
	byModule := make(map[string][]*entry)
	for _, e := range ledger {
		byModule[e.module] = append(byModule[e.module], e)
	}
	t := corpusTotals{byAnalyzer: map[string]int{}, verdicts: map[string]int{}, newlyFailing: map[string]int{}}
	for i, m := range mods {
		if !c.more() {
			break
		}
		c.trimCache()
		t.tried++
		fmt.Printf("== %s\n", m.name)
		mc := *c
		cancel := func() {}
		if o.moduleTimeout > 0 {
			mc.stop, cancel = context.WithTimeout(c.stop, o.moduleTimeout)
		}
		lines, failed, timedOut := corpusModule(&mc, m, filepath.Join(c.tmp, fmt.Sprint(i)), byModule[m.name], o, &t)
		cancel()
		switch {
		case failed:
			t.failures++
		case timedOut:
			t.timedOut++
		default:
			t.checked++
		}
		if lines != nil {
			byModule[m.name] = lines
		}
	}
	fmt.Printf("corpus: %d modules tried, %d checked, %d timed out; %d failures\n", t.tried, t.checked, t.timedOut, t.failures)
	for _, a := range slices.Sorted(maps.Keys(t.byAnalyzer)) {
		fmt.Printf("  %-12s %5d findings: %d judged tp, %d fp, %d unsure, %d not judged\n", a, t.byAnalyzer[a],
			t.verdicts[a+" tp"], t.verdicts[a+" fp"], t.verdicts[a+" unsure"], t.byAnalyzer[a]-t.verdicts[a+" tp"]-t.verdicts[a+" fp"]-t.verdicts[a+" unsure"])
	}
	fmt.Printf("  against the ledger: %d findings not in it, %d judged fp still reported, %d judged tp gone\n", t.added, t.fpBack, t.tpGone)
	if o.tests {
		for _, m := range slices.Sorted(maps.Keys(t.newlyFailing)) {
			fmt.Printf("  %s: %d tests newly failing after -fix\n", m, t.newlyFailing[m])
		}
	}
	if o.writeLedger {
		var all []*entry
		for _, lines := range byModule {
			all = append(all, lines...)
		}
		if err := writeLedger(o.ledger, all); err != nil {
			fmt.Printf("FAIL writing the ledger: %v\n", err)
			t.failures++
		} else {
			fmt.Printf("wrote %s (%d lines)\n", o.ledger, len(all))
		}
	}
	return t.failures
}

// corpusModule runs one corpus module in work. It returns the module's
// ledger lines updated with this run's findings (nil if isolint did not
// run to its end), whether a check failed, and whether it timed out.
func corpusModule(c *config, m module, work string, entries []*entry, o corpusOptions, t *corpusTotals) (lines []*entry, failed, timedOut bool) {
	defer os.RemoveAll(work)
	fail := func(what, detail string) ([]*entry, bool, bool) {
		fmt.Printf("FAIL %s: %s\n%s\n", m.name, what, detail)
		return lines, true, false
	}
	os.MkdirAll(work, 0o755)
	dl := c.runWith(work, online, c.timeout, "go", "mod", "download", "-json", m.name)
	if dl.timedOut {
		fmt.Printf("%s: downloading it timed out\n", m.name)
		return nil, false, true
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(dl.stdout), &info); err != nil || info.Error != "" || info.Dir == "" {
		return fail("downloading it failed", cmp.Or(info.Error, excerpt(dl.stderr, 10)))
	}
	a := filepath.Join(work, "a")
	if err := copyTree(info.Dir, a); err != nil {
		return fail("copying it failed", err.Error())
	}
	if err := dropLocalReplaces(c, a); err != nil {
		return fail("reading its go.mod failed", err.Error())
	}
	if r := c.runWith(a, online, c.timeout, "go", "mod", "download"); r.timedOut {
		fmt.Printf("%s: downloading the dependencies timed out\n", m.name)
		return nil, false, true
	} else if r.code != 0 {
		return fail("downloading its dependencies failed", excerpt(r.stderr, 10))
	}

	r := c.run(a, append(append([]string{c.bin, "-json"}, o.isolintFlags...), "./...")...)
	if s := r.crash(); s != "" {
		return fail("isolint crashed", s)
	}
	if r.timedOut {
		fmt.Printf("%s: isolint timed out\n", m.name)
		return nil, false, true
	}
	if r.code != 0 && r.code != 3 {
		return fail(fmt.Sprintf("isolint exit code %d", r.code), excerpt(r.stderr, 20))
	}
	findings, err := corpusFindings(m.name, a, r.stdout)
	if err != nil {
		return fail("isolint printed invalid JSON", err.Error())
	}
	cmpr := compare(findings, entries)
	lines = cmpr.update()
	reportLedger(m, findings, cmpr, o, t)

	if !o.tests {
		return lines, false, false
	}
	b := filepath.Join(work, "b")
	if err := copyTree(a, b); err != nil {
		return fail("copying it failed", err.Error())
	}
	before, err := goFiles(a)
	if err != nil {
		return fail("reading the copy failed", err.Error())
	}
	if r := c.run(b, append(append([]string{c.bin, "-fix"}, o.isolintFlags...), "./...")...); r.timedOut {
		fmt.Printf("%s: isolint -fix timed out\n", m.name)
		return lines, false, true
	} else if r.code != 0 || r.crash() != "" {
		return fail(fmt.Sprintf("isolint -fix exit code %d", r.code), excerpt(r.stderr, 20))
	}
	after, err := goFiles(b)
	if err != nil {
		return fail("reading the copy failed", err.Error())
	}
	changed := changedFiles(before, after)
	pkgs := packageDirs(changed)
	fmt.Printf("-fix: %d files changed in %d packages\n", len(changed), len(pkgs))
	if len(pkgs) == 0 {
		return lines, false, false
	}
	vetBefore := c.run(a, append([]string{"go", "vet", "-json"}, pkgs...)...)
	vetAfter := c.run(b, append([]string{"go", "vet", "-json"}, pkgs...)...)
	if vetAfter.timedOut || vetBefore.timedOut {
		fmt.Printf("%s: go vet timed out\n", m.name)
		return lines, false, true
	}
	if vetAfter.code != 0 && vetBefore.code == 0 {
		return fail("the fixed packages do not go vet clean", excerpt(vetAfter.stderr, 30))
	}
	if added := newVetFindings(vetBefore.stdout, vetAfter.stdout); len(added) > 0 {
		return fail("the fixes add go vet findings", strings.Join(added, "\n"))
	}

	test := append(append([]string{"go", "test", "-json"}, o.testFlags...), pkgs...)
	rb := c.runWith(a, offline, o.testTimeout, test...)
	old := gotest.Read(strings.NewReader(rb.stdout))
	if rb.timedOut {
		fmt.Printf("(the tests before -fix ran out of time: the tests that finished are compared)\n")
	}
	fmt.Printf("tests before -fix: %d passed, %d failed\n", len(old.Passed), len(old.Failed))
	newly := make(map[string]bool)
	for run := 1; run <= o.runs; run++ {
		ra := c.runWith(b, offline, o.testTimeout, test...)
		now := gotest.Read(strings.NewReader(ra.stdout))
		var here []string
		for name := range now.Failed {
			if old.Passed[name] && !old.Failed[name] && !newly[name] {
				here = append(here, name)
			}
		}
		// A package whose tests stopped before their end (a panic, a
		// deadlock's timeout, a build failure) fails as a whole: the tests
		// it did not get to are neither passed nor failed.
		if !ra.timedOut {
			for p, n := range stoppedEarly(old, now) {
				if name := p + stoppedSuffix; !newly[name] {
					here = append(here, name)
					fmt.Printf("  %s: %d fewer tests ran after -fix than before, some that passed; it printed:\n", p, n)
					for _, l := range now.PackageOutput[p] {
						fmt.Printf("    %s\n", l)
					}
				}
			}
		}
		slices.Sort(here)
		// A suite's own order dependence shows under some orders of
		// -shuffle and not others: a test failing after the fix is run
		// again before it, in the order that made it fail.
		here, inOrder := failingBefore(c, a, o, old, now, here)
		// A test that fails by itself before the fix, with no other test
		// to spoil its state, is broken without it: the fix can only have
		// ended an accident that hid it.
		here, alone := failingAlone(c, a, o, here)
		note := ""
		if ra.timedOut {
			note = " (ran out of time: the tests that finished are compared)"
		}
		fmt.Printf("tests after -fix, run %d: %d passed, %d failed, %d newly failing%s\n", run, len(now.Passed), len(now.Failed), len(here), note)
		for _, name := range here {
			newly[name] = true
			fmt.Printf("  newly failing: %s\n", name)
			for _, l := range failureLines(now.Output[name], 6) {
				fmt.Printf("    %s\n", l)
			}
		}
		for _, name := range inOrder {
			fmt.Printf("  fails before -fix too, in the same order (-shuffle=%s): %s\n", now.Seeds[gotest.Package(name)], name)
		}
		for _, name := range alone {
			fmt.Printf("  fails before -fix too, run alone: %s\n", name)
		}
	}
	t.newlyFailing[m.name] = len(newly)
	if len(newly) > 0 && o.strict {
		return lines, true, false
	}
	return lines, false, false
}

// failingBefore runs the packages of the tests that failed after -fix
// (in now) again in dir, the module before it, each with the -shuffle
// seed of the run in which they failed. It returns the tests that pass
// there (newly failing) and those that fail there too (their suite's own
// order dependence). A package that stopped early fails there too when
// it stops early again, or when the same test ends its binary (a suite
// that exits on a second -count: its tests that wait for t.Parallel
// after the fix never start). Without a seed (no -shuffle) every test is
// newly failing.
func failingBefore(c *config, dir string, o corpusOptions, old, now gotest.Events, failed []string) (newly, inOrder []string) {
	seeds := now.Seeds
	byPkg := make(map[string][]string)
	for _, name := range failed {
		p := gotest.Package(name)
		if seeds[p] == "" {
			newly = append(newly, name)
			continue
		}
		byPkg[p] = append(byPkg[p], name)
	}
	for _, p := range slices.Sorted(maps.Keys(byPkg)) {
		flags, ok := withSeed(o.testFlags, seeds[p])
		if !ok {
			newly = append(newly, byPkg[p]...)
			continue
		}
		r := c.runWith(dir, offline, o.testTimeout, append(append([]string{"go", "test", "-json"}, flags...), p)...)
		ev := gotest.Read(strings.NewReader(r.stdout))
		for _, name := range byPkg[p] {
			stopped := strings.HasSuffix(name, stoppedSuffix) &&
				(stoppedEarly(old, ev)[p] > 0 || ev.Ended[p] != "" && ev.Ended[p] == now.Ended[p])
			if ev.Failed[name] || stopped {
				inOrder = append(inOrder, name)
			} else {
				newly = append(newly, name)
			}
		}
	}
	slices.Sort(newly)
	return newly, inOrder
}

// maxAlone bounds the tests failingAlone runs one by one.
const maxAlone = 20

// failingAlone runs each test that failed after -fix by itself in dir,
// the module before it, with the same flags. It returns those that pass
// there (newly failing) and those that fail (broken on their own, such as
// a test that registers a fixed name and fails any second -count). A
// package that stopped early is not a test to run alone; beyond maxAlone
// tests the rest stay newly failing.
func failingAlone(c *config, dir string, o corpusOptions, failed []string) (newly, alone []string) {
	for i, name := range failed {
		p, test, _ := strings.Cut(name, " ")
		if i >= maxAlone || strings.HasSuffix(name, stoppedSuffix) || strings.HasSuffix(name, " (package)") {
			newly = append(newly, name)
			continue
		}
		r := c.runWith(dir, offline, o.testTimeout, append(append([]string{"go", "test", "-json"}, o.testFlags...), "-run", runPattern(test), p)...)
		if ev := gotest.Read(strings.NewReader(r.stdout)); ev.Failed[name] {
			alone = append(alone, name)
		} else {
			newly = append(newly, name)
		}
	}
	return newly, alone
}

// runPattern returns a -run pattern that matches test, a name as go test
// -json prints it (TestA/sub_name), and its parents, and nothing else.
func runPattern(test string) string {
	parts := strings.Split(test, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// failureLines returns up to n lines of what a failing test printed, the
// lines that say why: not the run and pass markers or blank lines.
func failureLines(out []string, n int) []string {
	var lines []string
	for _, l := range out {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- PASS") {
			continue
		}
		if lines = append(lines, l); len(lines) == n {
			break
		}
	}
	return lines
}

// stoppedSuffix ends the name of a package whose tests stopped early.
const stoppedSuffix = " (stopped early)"

// stoppedEarly returns, by package, how many fewer of its tests ran in
// now than passed or failed in old, when some that passed in old neither
// passed nor failed in now: its test binary stopped before their turn.
// Tests named after a value that changes from run to run (a pointer, a
// time) come and go without a package running fewer, and a test that
// skips in some runs leaves a package that passed.
func stoppedEarly(old, now gotest.Events) map[string]int {
	missing := make(map[string]bool)
	for name := range old.Passed {
		p := gotest.Package(name)
		if !now.Passed[name] && !now.Failed[name] && !strings.HasSuffix(name, " (package)") && !now.Passed[p+" (package)"] {
			missing[p] = true // and the package did not pass: it stopped
		}
	}
	ran := func(ev gotest.Events) map[string]int {
		n := make(map[string]int)
		for _, set := range []map[string]bool{ev.Passed, ev.Failed} {
			for name := range set {
				if p := gotest.Package(name); missing[p] && !strings.HasSuffix(name, " (package)") {
					n[p]++
				}
			}
		}
		return n
	}
	before, after := ran(old), ran(now)
	out := make(map[string]int)
	for p := range missing {
		if d := before[p] - after[p]; d > 0 {
			out[p] = d
		}
	}
	return out
}

// withSeed returns go test flags with -shuffle set to seed, and false if
// the flags do not shuffle.
func withSeed(flags []string, seed string) ([]string, bool) {
	out := make([]string, 0, len(flags))
	found := false
	for i := 0; i < len(flags); i++ {
		f := flags[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if name != "shuffle" && name != "test.shuffle" {
			out = append(out, f)
			continue
		}
		if !hasValue && i+1 < len(flags) {
			i++ // -shuffle on
		}
		found = true
		out = append(out, "-shuffle="+seed)
	}
	return out, found
}

// dropLocalReplaces drops the replace directives of the module at dir
// that point to a directory: a module of a multi-module repository (etcd's
// client/v3) replaces its siblings with ../../api, which its zip does not
// hold. Without them it builds as its users build it, with the versions
// it requires.
func dropLocalReplaces(c *config, dir string) error {
	r := c.runWith(dir, online, c.timeout, "go", "mod", "edit", "-json")
	if r.code != 0 {
		return fmt.Errorf("go mod edit -json: %s", excerpt(r.stderr, 5))
	}
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &mod); err != nil {
		return err
	}
	args := []string{"go", "mod", "edit"}
	for _, rep := range mod.Replace {
		if rep.New.Version != "" || !(strings.HasPrefix(rep.New.Path, "./") || strings.HasPrefix(rep.New.Path, "../")) {
			continue
		}
		old := rep.Old.Path
		if rep.Old.Version != "" {
			old += "@" + rep.Old.Version
		}
		args = append(args, "-dropreplace="+old)
	}
	if len(args) == 3 {
		return nil
	}
	if r := c.runWith(dir, online, c.timeout, args...); r.code != 0 {
		return fmt.Errorf("go mod edit -dropreplace: %s", excerpt(r.stderr, 5))
	}
	return nil
}

// corpusFindings reads isolint's JSON output on the copy of a module at
// root.
func corpusFindings(mod, root, out string) ([]finding, error) {
	tree, err := vetjson.Read(strings.NewReader(out))
	if err != nil {
		return nil, err
	}
	var findings []finding
	for pkg, byAnalyzer := range tree {
		for an := range byAnalyzer {
			diags, failure := tree.Result(pkg, an)
			if failure != "" {
				return nil, fmt.Errorf("%s: %s: %s", pkg, an, failure)
			}
			for _, d := range diags {
				f := finding{module: mod, analyzer: an, message: d.Message}
				if _, err := fmt.Sscanf(lastTwo(d.Posn), "%d:%d", &f.line, &f.col); err != nil {
					return nil, fmt.Errorf("position %q: %v", d.Posn, err)
				}
				file := d.Posn[:len(d.Posn)-len(lastTwo(d.Posn))-1]
				if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
					file = rel
				}
				f.file = filepath.ToSlash(file)
				findings = append(findings, f)
			}
		}
	}
	slices.SortFunc(findings, func(x, y finding) int {
		return cmp.Or(cmp.Compare(x.file, y.file), cmp.Compare(x.line, y.line), cmp.Compare(x.col, y.col),
			cmp.Compare(x.analyzer, y.analyzer), cmp.Compare(x.message, y.message))
	})
	return findings, nil
}

// lastTwo returns "line:col" of a "file:line:col" position.
func lastTwo(posn string) string {
	i := strings.LastIndexByte(posn, ':')
	if i <= 0 {
		return posn
	}
	j := strings.LastIndexByte(posn[:i], ':')
	if j < 0 {
		return posn
	}
	return posn[j+1:]
}

// reportLedger prints a module's findings against its ledger lines and
// adds them to the totals.
func reportLedger(m module, findings []finding, cmpr comparison, o corpusOptions, t *corpusTotals) {
	counts := make(map[string]int)
	for _, f := range findings {
		counts[f.analyzer]++
		t.byAnalyzer[f.analyzer]++
	}
	var parts []string
	for _, a := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, fmt.Sprintf("%s %d", a, counts[a]))
	}
	fmt.Printf("%d findings (%s)\n", len(findings), strings.Join(parts, ", "))
	var fpBack, unjudged []*entry
	for e, f := range cmpr.matched {
		t.verdicts[f.analyzer+" "+e.verdict]++
		switch e.verdict {
		case "fp":
			fpBack = append(fpBack, e)
		case "?":
			unjudged = append(unjudged, e)
		}
	}
	var tpGone []*entry
	for _, e := range cmpr.gone {
		if e.verdict == "tp" {
			tpGone = append(tpGone, e)
		}
	}
	t.added += len(cmpr.added)
	t.fpBack += len(fpBack)
	t.tpGone += len(tpGone)
	fmt.Printf("ledger: %d findings not in it, %d not judged yet, %d judged fp still reported, %d judged tp gone\n",
		len(cmpr.added), len(unjudged), len(fpBack), len(tpGone))
	for _, f := range cmpr.added {
		fmt.Printf("  new, to judge: %s: %s: %s\n", f.pos(), f.analyzer, f.message)
	}
	for _, e := range sortEntries(fpBack) {
		fmt.Printf("  fp still reported: %s: %s: %s\n", e.pos(), e.analyzer, e.reason)
	}
	for _, e := range sortEntries(tpGone) {
		fmt.Printf("  tp gone: %s: %s: %s\n", e.pos(), e.analyzer, e.message)
	}
}

func sortEntries(es []*entry) []*entry {
	slices.SortFunc(es, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
	})
	return es
}

// packageDirs returns the package patterns ("./dir") of the directories
// that hold the given Go files, sorted.
func packageDirs(files []string) []string {
	seen := make(map[string]bool)
	for _, f := range files {
		if d := path.Dir(filepath.ToSlash(f)); d == "." {
			seen["."] = true
		} else {
			seen["./"+d] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
