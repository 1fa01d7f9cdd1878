package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/internal/gotest"
	"github.com/isolint/isolint/internal/procgroup"
	"github.com/isolint/isolint/internal/vetjson"
)

// isolint -fix -verify applies the fixes that the tests accept: it runs
// the tests of the packages the fixes edit before the fixes (the
// baseline) and after them, several times, and when a test that passed
// before fails after, it finds the fixes responsible by bisecting that
// package's fixes and withholds them. The tests are run by go test -json;
// the files are edited in place, one atomic rename per file, from their
// original contents held in memory, which an interrupt restores.

// verifyOptions are the flags of -verify.
type verifyOptions struct {
	on      bool
	args    []string      // -verify.args: go test flags, such as -race -count=2
	runs    int           // -verify.runs: runs of the tests after the fixes
	timeout time.Duration // -verify.timeout: bound of each package's test run
}

// withDefaults fills in what the flags left unset: -count=1 (the results
// of earlier runs must not stand in for a test run), 3 runs after the
// fixes, and go test's own 10 minutes.
func (o verifyOptions) withDefaults() verifyOptions {
	if !slices.ContainsFunc(o.args, func(a string) bool { return strings.HasPrefix(strings.TrimLeft(a, "-"), "count") }) {
		o.args = append([]string{"-count=1"}, o.args...)
	}
	o.runs = cmp.Or(o.runs, 3)
	o.timeout = cmp.Or(o.timeout, 10*time.Minute)
	return o
}

// set sets the -verify flag name (without its dashes) to value.
func (o *verifyOptions) set(name, value string) error {
	switch name {
	case "verify.args":
		o.args = strings.Fields(value)
	case "verify.runs":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("-verify.runs=%s: want a number of runs, at least 1", value)
		}
		o.runs = n
	case "verify.timeout":
		d, err := time.ParseDuration(value)
		if err != nil || d <= 0 {
			return fmt.Errorf("-verify.timeout=%s: want a duration such as 5m", value)
		}
		o.timeout = d
	}
	return nil
}

// A pendingFix is the fix of one finding, with the package whose tests
// judge it.
type pendingFix struct {
	analyzer string
	diag     diagnostic
	edits    []vetjson.Edit
	dir      string // the directory of the first file it edits: its package
	key      string // what identifies the finding across passes
}

// A withheld fix, and why.
type withheld struct {
	fix    *pendingFix
	reason string   // the test that failed, or another reason
	output []string // the first lines of the failure
}

// A verifier holds the state of one -fix -verify run.
type verifier struct {
	ctx    context.Context
	g      goTool
	self   string
	rest   []string // go vet's arguments
	build  []string // the build flags among them, for go test and go vet
	opts   verifyOptions
	stderr io.Writer
	tty    bool              // stderr is a terminal: show progress
	wd     string            // for file names in messages
	orig   map[string][]byte // files as they were before this pass
	disk   map[string][]byte // files as isolint last wrote them
	pkgOf  map[string]string // directory to import path
	skip   map[string]bool   // keys of withheld findings
	held   []withheld
	stats  map[string]*pkgStats // by package directory
}

// pkgStats are the numbers of one package's line of the summary table.
type pkgStats struct {
	before, after   gotest.Events
	afterState      string // the contents after is about
	wallBefore      float64
	wallAfter       []float64
	applied, denied int
}

// buildFlags are the go command's flags that go vet, go test and go list
// share; isolint's other flags are analyzer flags, for the tool alone.
var buildFlags = []string{"tags", "mod", "modfile", "overlay", "gcflags", "ldflags", "asmflags", "trimpath", "buildvcs", "compiler", "pgo", "toolexec", "installsuffix"}

// verifyAll is isolint -fix -verify. It returns the exit code: 0 when it
// has applied what the tests accept (withholding a fix is no error), 1
// when the tests or go vet could not be run, or on an interrupt.
func (r vetRun) verifyAll(g goTool, self string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	v := &verifier{
		ctx: ctx, g: g, self: self, rest: r.rest, opts: r.verify.withDefaults(), stderr: os.Stderr,
		orig: map[string][]byte{}, disk: map[string][]byte{}, pkgOf: map[string]string{},
		skip: map[string]bool{}, stats: map[string]*pkgStats{},
	}
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		v.tty = true
	}
	v.wd, _ = os.Getwd()
	for _, a := range r.rest {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && slices.Contains(buildFlags, name) {
			v.build = append(v.build, a)
		}
	}
	err := v.run()
	if err != nil {
		// The files are as they were before the pass that failed: as
		// the user left them, or holding only fixes a pass verified.
		if rerr := v.restore(v.orig); rerr != nil {
			fmt.Fprintf(v.stderr, "isolint: restoring the files: %v\n", rerr)
		}
		if ctx.Err() != nil {
			fmt.Fprintf(v.stderr, "isolint: interrupted; the files hold only the fixes verified before\n")
		} else {
			fmt.Fprintf(v.stderr, "isolint: %v\n", err)
		}
		return 1
	}
	v.report()
	return 0
}

// run makes passes of fixes until none is left, as -fix does.
func (v *verifier) run() error {
	for round := 1; round <= maxFixRounds; round++ {
		fixes, err := v.findFixes()
		if err != nil {
			return err
		}
		if len(fixes) == 0 {
			return nil
		}
		if err := v.pass(round, fixes); err != nil {
			return err
		}
	}
	return nil
}

// findFixes runs the analyzers through go vet and returns the fixes of
// their findings, but for those withheld already and those that overlap
// an earlier one (they wait for the next pass), by file and offset.
func (v *verifier) findFixes() ([]*pendingFix, error) {
	v.progress("analyzing the packages")
	stdout, stderr, code, err := v.g.vet(v.self, vetReport, v.rest)
	if err != nil {
		return nil, fmt.Errorf("running go vet: %w", err)
	}
	t, err := readTree(stdout)
	if err != nil {
		return nil, fmt.Errorf("reading go vet's output: %w", err)
	}
	if t.failed() || (code != 0 && stderr.Len() > 0) {
		v.stderr.Write(stderr.Bytes())
		for _, f := range t.failures(analyzers.All()) {
			fmt.Fprintf(v.stderr, "%s: %s: %s\n", f.pkg, f.analyzer, f.err)
		}
		return nil, errors.New("some packages could not be analyzed")
	}
	var fixes []*pendingFix
	seen := make(map[string]bool) // a file's findings come from each variant of its package
	for pkg, byAnalyzer := range t {
		for a := range byAnalyzer {
			diags, _ := vetjson.Tree(t).Result(pkg, a)
			for _, d := range diags {
				if len(d.SuggestedFixes) == 0 || len(d.SuggestedFixes[0].Edits) == 0 {
					continue
				}
				f := &pendingFix{analyzer: a, diag: d, edits: d.SuggestedFixes[0].Edits}
				f.dir = filepath.Dir(f.edits[0].Filename)
				f.key = v.findingKey(a, d)
				id, _ := json.Marshal(f.edits)
				if seen[string(id)] || v.skip[f.key] {
					continue
				}
				seen[string(id)] = true
				fixes = append(fixes, f)
			}
		}
	}
	slices.SortFunc(fixes, func(x, y *pendingFix) int {
		return cmp.Or(cmp.Compare(x.edits[0].Filename, y.edits[0].Filename), cmp.Compare(x.edits[0].Start, y.edits[0].Start), cmp.Compare(x.diag.Message, y.diag.Message))
	})
	v.progress("analyzed: %d fixes to verify", len(fixes))
	var out []*pendingFix
	var taken []vetjson.Edit
	for _, f := range fixes {
		if !overlaps(f.edits, taken) {
			out = append(out, f)
			taken = append(taken, f.edits...)
		}
	}
	return out, nil
}

// findingKey identifies a finding across passes, in which lines move: its
// analyzer, file, message and the text of its line.
func (v *verifier) findingKey(analyzer string, d diagnostic) string {
	file, line, _ := vetjson.SplitPosn(d.Posn)
	text := ""
	if data, err := os.ReadFile(file); err == nil {
		if ls := bytes.Split(data, []byte("\n")); line >= 1 && line <= len(ls) {
			text = string(bytes.TrimSpace(ls[line-1]))
		}
	}
	return strings.Join([]string{analyzer, file, d.Message, text}, "\x00")
}

// overlaps reports whether an edit of edits overlaps one of taken, other
// than the same edit (two fixes may add the same import).
func overlaps(edits, taken []vetjson.Edit) bool {
	for _, e := range edits {
		for _, o := range taken {
			if e == o || e.Filename != o.Filename {
				continue
			}
			if e.Start < o.End && o.Start < e.End || e.Start == o.Start {
				return true
			}
		}
	}
	return false
}

// pass verifies one pass of fixes: baseline, all fixes, runs, bisection.
func (v *verifier) pass(round int, fixes []*pendingFix) error {
	// This pass starts from the files as they are now.
	v.orig = map[string][]byte{}
	for _, f := range fixes {
		for _, e := range f.edits {
			if _, ok := v.orig[e.Filename]; ok {
				continue
			}
			data, err := os.ReadFile(e.Filename)
			if err != nil {
				return err
			}
			v.orig[e.Filename] = data
			v.disk[e.Filename] = data
		}
	}
	// The tests of every package a fix edits judge it.
	byDir := make(map[string][]*pendingFix)
	for _, f := range fixes {
		for _, e := range f.edits {
			d := filepath.Dir(e.Filename)
			if !slices.Contains(byDir[d], f) {
				byDir[d] = append(byDir[d], f)
			}
		}
	}
	dirs := slices.Sorted(maps.Keys(byDir))
	if err := v.importPaths(dirs); err != nil {
		return err
	}
	v.progress("pass %d: %d fixes in %d packages; testing them before the fixes", round, len(fixes), len(dirs))

	base, err := v.test(dirs)
	if err != nil {
		return err
	}
	var tested []string // the packages whose fixes the tests can judge
	for _, d := range dirs {
		st := v.stat(d)
		if round == 1 || st.before.Passed == nil {
			st.before = filterPkg(base, v.pkgOf[d])
			st.wallBefore = base.Elapsed[v.pkgOf[d]]
		}
		if !anyPassed(base, v.pkgOf[d]) {
			for _, f := range byDir[d] {
				if !v.skip[f.key] {
					v.withhold(f, "no test of "+v.pkgOf[d]+" passed before the fixes, so none can tell whether they are safe", nil)
				}
			}
			continue
		}
		tested = append(tested, d)
	}
	kept := make(map[*pendingFix]bool)
	for _, d := range tested {
		for _, f := range byDir[d] {
			kept[f] = !v.skip[f.key]
		}
	}
	if err := v.write(kept); err != nil {
		return err
	}
	// Which packages have newly failing tests, over the runs?
	failing := make(map[string]gotest.Events) // the first failing run
	for run := 1; run <= v.opts.runs; run++ {
		v.progress("pass %d: testing %d packages with the fixes, run %d of %d", round, len(tested), run, v.opts.runs)
		ev, err := v.test(tested)
		if err != nil {
			return err
		}
		for _, d := range tested {
			_, known := failing[d]
			if len(newlyFailing(base, ev, v.pkgOf[d])) > 0 && !known {
				failing[d] = ev
			} else if !known {
				v.recordAfter(d, ev)
			}
		}
	}
	for _, d := range tested {
		if ev, ok := failing[d]; ok {
			if err := v.bisect(d, byDir[d], base, ev, kept); err != nil {
				return err
			}
		}
	}
	if err := v.vetCheck(tested, byDir, kept); err != nil {
		return err
	}
	for f := range kept {
		if kept[f] {
			v.stat(f.dir).applied++
		}
	}
	// This pass is verified: an interrupt from now on keeps it.
	maps.Copy(v.orig, v.disk)
	return nil
}

// bisect finds the fixes of package dir that make tests fail that passed
// in the baseline (as they failed in the run failed), and withholds them.
// It first runs the package without its fixes: a test that fails there
// too is flaky, or broken already, and is never blamed on a fix.
func (v *verifier) bisect(dir string, mine []*pendingFix, base, failed gotest.Events, kept map[*pendingFix]bool) error {
	pkg := v.pkgOf[dir]
	var fixes []*pendingFix // those another package's tests have not withheld
	for _, f := range mine {
		if kept[f] {
			fixes = append(fixes, f)
		}
	}
	for _, f := range fixes {
		kept[f] = false
	}
	if err := v.write(kept); err != nil {
		return err
	}
	flaky := map[string]bool{}
	for run := 1; run <= v.opts.runs; run++ {
		v.progress("%s: tests fail with the fixes; running them without, run %d of %d", pkg, run, v.opts.runs)
		ev, err := v.test([]string{dir})
		if err != nil {
			return err
		}
		for _, n := range newlyFailing(base, ev, pkg) {
			flaky[n] = true
		}
	}
	for n := range flaky {
		fmt.Fprintf(v.stderr, "isolint: %s fails without the fixes too (flaky or broken already); it judges no fix\n", n)
	}
	// fails applies the fixes of set and reports the first run that has
	// a test fail that passed in the baseline and is not flaky.
	step := 0
	fails := func(set []*pendingFix) (verdict, error) {
		step++
		for _, f := range fixes {
			kept[f] = slices.Contains(set, f)
		}
		if err := v.write(kept); err != nil {
			return verdict{}, err
		}
		var all gotest.Events
		for run := 1; run <= v.opts.runs; run++ {
			v.progress("%s: bisecting, step %d: %d of %d fixes, run %d of %d", pkg, step, len(set), len(fixes), run, v.opts.runs)
			ev, err := v.test([]string{dir})
			if err != nil {
				return verdict{}, err
			}
			var bad []string
			for _, n := range newlyFailing(base, ev, pkg) {
				if !flaky[n] {
					bad = append(bad, n)
				}
			}
			if len(bad) > 0 {
				return verdict{bad, ev}, nil
			}
			if run == 1 {
				all = ev
			} else {
				all.Merge(ev)
			}
			v.recordAfter(dir, ev)
		}
		return verdict{nil, all}, nil
	}
	var bad []string
	for _, n := range newlyFailing(base, failed, pkg) {
		if !flaky[n] {
			bad = append(bad, n)
		}
	}
	found, why, rest, err := culprits(fixes, verdict{bad, failed}, fails)
	if err != nil {
		return err
	}
	for i, f := range found {
		n := why[i].bad[0]
		v.withhold(f, strings.TrimPrefix(n, pkg+" "), firstLines(why[i].ev.Output[n], 5))
	}
	for _, f := range fixes {
		kept[f] = slices.Contains(rest, f)
	}
	return v.write(kept)
}

// A verdict is what the runs of a package's tests with some of its fixes
// say: the tests that failed, sorted (none when they pass), and the run.
type verdict struct {
	bad []string
	ev  gotest.Events
}

// culprits bisects items to those without which fails passes, one at a
// time: the shortest prefix of the items that fails ends with one. It
// withdraws that item and starts again while the rest fail. all is the
// verdict on all the items. It returns the culprits in the order found,
// the verdict that convicted each (the failing run with the shortest
// prefix), and the items left.
func culprits[T any](items []T, all verdict, fails func([]T) (verdict, error)) (found []T, why []verdict, rest []T, err error) {
	rest = slices.Clone(items)
	for first := true; len(rest) > 0; first = false {
		if !first {
			if all, err = fails(rest); err != nil {
				return nil, nil, nil, err
			}
		}
		if all.bad == nil {
			break
		}
		// rest[:lo] passes (none of them, at first), rest[:hi] fails.
		lo, hi, hiV := 0, len(rest), all
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			v, err := fails(rest[:mid])
			if err != nil {
				return nil, nil, nil, err
			}
			if v.bad != nil {
				hi, hiV = mid, v
			} else {
				lo = mid
			}
		}
		found = append(found, rest[hi-1])
		slices.Sort(hiV.bad)
		why = append(why, hiV)
		rest = slices.Delete(rest, hi-1, hi)
	}
	return found, why, rest, nil
}

// vetCheck runs go vet on the packages that the pass changed, and
// withholds all fixes of a package that go vet accepted without them
// and rejects with them.
func (v *verifier) vetCheck(dirs []string, byDir map[string][]*pendingFix, kept map[*pendingFix]bool) error {
	v.progress("go vet of %d packages", len(dirs))
	if len(dirs) == 0 || v.goOK(append([]string{"vet"}, dirs...)) {
		return nil
	}
	for _, d := range dirs {
		if v.goOK([]string{"vet", d}) {
			continue
		}
		var mine []*pendingFix
		for _, f := range byDir[d] {
			if kept[f] {
				mine = append(mine, f)
				kept[f] = false
			}
		}
		if err := v.write(kept); err != nil {
			return err
		}
		if !v.goOK([]string{"vet", d}) {
			for _, f := range mine { // go vet rejects it anyway
				kept[f] = true
			}
			if err := v.write(kept); err != nil {
				return err
			}
			continue
		}
		for _, f := range mine {
			v.withhold(f, "go vet rejects the package with the fixes", nil)
		}
	}
	return v.ctx.Err()
}

// goOK reports whether the go command with args (and the build flags)
// succeeds.
func (v *verifier) goOK(args []string) bool {
	args = slices.Concat(args[:1], v.build, args[1:])
	cmd := exec.CommandContext(v.ctx, "go", args...)
	procgroup.Own(cmd)
	return cmd.Run() == nil
}

// test runs the tests of the packages in dirs once, with -verify.args,
// each package's test binary bounded by -verify.timeout.
func (v *verifier) test(dirs []string) (gotest.Events, error) {
	args := slices.Concat([]string{"test", "-json"}, v.build, v.opts.args, []string{"-timeout=" + v.opts.timeout.String()}, dirs)
	cmd := exec.CommandContext(v.ctx, "go", args...)
	procgroup.Own(cmd) // the test binaries too
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if v.ctx.Err() != nil {
		return gotest.Events{}, v.ctx.Err()
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return gotest.Events{}, fmt.Errorf("running go test: %w", err)
	}
	ev := gotest.Read(&stdout)
	if err != nil && len(ev.Failed) == 0 {
		// go test failed before any test ran: bad flags, for instance.
		return ev, fmt.Errorf("go %s: %s", strings.Join(args, " "), firstLine(stderr.String()))
	}
	return ev, nil
}

// importPaths asks go list for the import paths of the directories.
func (v *verifier) importPaths(dirs []string) error {
	args := slices.Concat([]string{"list", "-e", "-f", "{{.Dir}}\t{{.ImportPath}}"}, v.build, dirs)
	out, err := exec.CommandContext(v.ctx, "go", args...).Output()
	if err != nil {
		return fmt.Errorf("go list: %w", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if d, p, ok := strings.Cut(line, "\t"); ok {
			v.pkgOf[d] = p
		}
	}
	for _, d := range dirs {
		if v.pkgOf[d] == "" {
			return fmt.Errorf("go list names no package in %s", d)
		}
	}
	return nil
}

// write makes the files hold their contents before the pass with the kept
// fixes applied, each file replaced at once (written aside, then renamed
// over it), and only those that change.
func (v *verifier) write(kept map[*pendingFix]bool) error {
	edits := make(map[string][]vetjson.Edit)
	for f, ok := range kept {
		if ok {
			for _, e := range f.edits {
				edits[e.Filename] = append(edits[e.Filename], e)
			}
		}
	}
	want := make(map[string][]byte)
	for file, src := range v.orig {
		data, err := applyEdits(src, edits[file])
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		want[file] = data
	}
	return v.restore(want)
}

// restore writes the files of want that differ from what is on disk.
func (v *verifier) restore(want map[string][]byte) error {
	for _, file := range slices.Sorted(maps.Keys(want)) {
		if bytes.Equal(v.disk[file], want[file]) {
			continue
		}
		if err := writeAtomic(file, want[file]); err != nil {
			return err
		}
		v.disk[file] = want[file]
	}
	return nil
}

// writeAtomic replaces the file with data: a reader, or an interrupt,
// sees the old contents or the new, never part of them.
func writeAtomic(file string, data []byte) error {
	fi, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".isolint-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	err = errors.Join(err, tmp.Chmod(fi.Mode().Perm()), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// applyEdits applies non-overlapping edits to src (an edit given twice is
// applied once) and formats the result, as go vet -fix does.
func applyEdits(src []byte, edits []vetjson.Edit) ([]byte, error) {
	if len(edits) == 0 {
		return src, nil
	}
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b vetjson.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.New, b.New))
	})
	edits = slices.Compact(edits)
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) does not fit", e.Start, e.End)
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	if formatted, err := format.Source(out.Bytes()); err == nil {
		return formatted, nil
	}
	return out.Bytes(), nil
}

// withhold reverts nothing itself: it records that f is withheld, and
// why, for the report and for the later passes.
func (v *verifier) withhold(f *pendingFix, reason string, output []string) {
	v.held = append(v.held, withheld{fix: f, reason: reason, output: output})
	v.skip[f.key] = true
	v.stat(f.dir).denied++
	if reason != "" {
		v.progress("%s: withholding the fix of %s", v.pkgOf[f.dir], v.rel(f.diag.Posn))
	}
}

func (v *verifier) stat(dir string) *pkgStats {
	if v.stats[dir] == nil {
		v.stats[dir] = &pkgStats{}
	}
	return v.stats[dir]
}

// recordAfter keeps the outcome of a run of the package in dir for the
// summary: the runs of the files as they are at the end count.
func (v *verifier) recordAfter(dir string, ev gotest.Events) {
	st := v.stat(dir)
	state := v.state(dir)
	if st.afterState != state || st.after.Passed == nil {
		st.afterState, st.after, st.wallAfter = state, filterPkg(ev, v.pkgOf[dir]), nil
	} else {
		st.after.Merge(filterPkg(ev, v.pkgOf[dir]))
	}
	st.wallAfter = append(st.wallAfter, ev.Elapsed[v.pkgOf[dir]])
}

// state names the contents of the files of dir that isolint edits.
func (v *verifier) state(dir string) string {
	var b strings.Builder
	for _, file := range slices.Sorted(maps.Keys(v.disk)) {
		if filepath.Dir(file) == dir {
			fmt.Fprintf(&b, "%s\x00%s\x00", file, v.disk[file])
		}
	}
	return b.String()
}

// progress shows what the run is doing when stderr is a terminal.
func (v *verifier) progress(format string, args ...any) {
	if v.tty {
		fmt.Fprintf(v.stderr, "isolint: "+format+"\n", args...)
	}
}

// report prints the withheld fixes and the summary table.
func (v *verifier) report() {
	for _, h := range v.held {
		fmt.Fprintf(v.stderr, "%s: withheld: %s\n", v.rel(h.fix.diag.Posn), h.fix.diag.Message)
		if h.output != nil {
			fmt.Fprintf(v.stderr, "\t%s failed with it:\n", h.reason)
			for _, l := range h.output {
				fmt.Fprintf(v.stderr, "\t\t%s\n", strings.TrimSpace(l))
			}
		} else {
			fmt.Fprintf(v.stderr, "\t%s\n", h.reason)
		}
	}
	if len(v.stats) == 0 {
		return
	}
	tw := tabwriter.NewWriter(v.stderr, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "package\ttests\tparallel before\tparallel after\ttime before\ttime after\tratio\tfixes applied\twithheld")
	for _, dir := range slices.Sorted(maps.Keys(v.stats)) {
		st := v.stats[dir]
		after := st.after
		if after.Passed == nil {
			after = st.before // nothing changed
		}
		wallAfter := mean(st.wallAfter, st.wallBefore)
		ratio := "-"
		if st.wallBefore > 0 {
			ratio = fmt.Sprintf("%.2f", wallAfter/st.wallBefore)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2fs\t%.2fs\t%s\t%d\t%d\n", v.pkgOf[dir], countTests(st.before), len(st.before.Parallel), len(after.Parallel), st.wallBefore, wallAfter, ratio, st.applied, st.denied)
	}
	tw.Flush()
	var applied, denied int
	var before, after float64
	for _, st := range v.stats {
		applied += st.applied
		denied += st.denied
		before += st.wallBefore
		after += mean(st.wallAfter, st.wallBefore)
	}
	fmt.Fprintf(v.stderr, "isolint: %d fixes applied, %d withheld; the tests of these packages took %.2fs before, %.2fs after\n", applied, denied, before, after)
}

// mean returns the mean of xs, or otherwise when there are none.
func mean(xs []float64, otherwise float64) float64 {
	if len(xs) == 0 {
		return otherwise
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// countTests counts the tests (and subtests) that ran, not the package.
func countTests(ev gotest.Events) int {
	n := 0
	for name := range ev.Passed {
		if !strings.HasSuffix(name, " (package)") {
			n++
		}
	}
	for name := range ev.Failed {
		if !strings.HasSuffix(name, " (package)") {
			n++
		}
	}
	return n
}

// rel makes a position relative to the working directory.
func (v *verifier) rel(posn string) string {
	if r, err := filepath.Rel(v.wd, posn); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return posn
}

// filterPkg returns the outcomes of the tests of package pkg.
func filterPkg(ev gotest.Events, pkg string) gotest.Events {
	out := gotest.Events{Passed: map[string]bool{}, Failed: map[string]bool{}, Parallel: map[string]bool{}, Output: map[string][]string{}, Elapsed: map[string]float64{}}
	for _, m := range []struct{ from, to map[string]bool }{{ev.Passed, out.Passed}, {ev.Failed, out.Failed}, {ev.Parallel, out.Parallel}} {
		for n := range m.from {
			if gotest.Package(n) == pkg {
				m.to[n] = true
			}
		}
	}
	for n, o := range ev.Output {
		if gotest.Package(n) == pkg {
			out.Output[n] = o
		}
	}
	out.Elapsed[pkg] = ev.Elapsed[pkg]
	return out
}

// anyPassed reports whether a test of pkg passed.
func anyPassed(ev gotest.Events, pkg string) bool {
	for n := range ev.Passed {
		if gotest.Package(n) == pkg {
			return true
		}
	}
	return false
}

// newlyFailing returns the tests of pkg that passed in base and failed in
// ev, sorted.
func newlyFailing(base, ev gotest.Events, pkg string) []string {
	var out []string
	for n := range ev.Failed {
		if gotest.Package(n) == pkg && base.Passed[n] {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

func firstLines(lines []string, n int) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "=== ") || strings.TrimSpace(l) == "" {
			continue
		}
		out = append(out, l)
		// With -count=2 the failure may come twice: the first will do.
		if len(out) == n || strings.HasPrefix(strings.TrimSpace(l), "--- FAIL") {
			break
		}
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}
