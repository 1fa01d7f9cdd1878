package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/vetjson"
)

// The standalone command runs its analyzers through the go command's vet
// driver, which analyzes each package in its own process and caches the
// results and facts of every package in the build cache: a second run on
// unchanged code costs about what go vet costs. The in-process driver of
// multichecker, which loads and analyzes every package from source on
// every run, remains available with ISOLINT_DRIVER=checker and is used
// when no go command is found.

// delegate reports whether the command line is a standalone run to hand
// to go vet, rather than help, or go vet's and go fix's own invocation of
// the tool (-V=full, -flags, a .cfg file), or a request for the
// in-process driver.
func delegate(args []string) bool {
	if len(args) == 0 || os.Getenv("ISOLINT_DRIVER") == "checker" {
		return false
	}
	if args[0] == "help" || strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V", "V=full", "flags":
			return false
		}
	}
	_, err := exec.LookPath("go")
	return err == nil
}

// vetRun is a standalone run, as the user asked for it.
type vetRun struct {
	fix, diff bool
	// report asks for the census of the tests rather than the findings.
	report   bool
	format   string // text, json, sarif or codeclimate; report, report-json or html
	baseline string // the baseline file, or ""
	// write records this run's findings as the baseline; prune drops
	// the baseline's stale entries.
	write, prune bool
	rest         []string // build flags, analyzer flags and packages, for go vet
	// root is the repository root that SARIF and Code Climate name
	// files relative to.
	root string
	// verify checks the fixes with the tests (-fix -verify).
	verify verifyOptions
}

// formats are the values of -format; those of reportFormats print the
// census of -report.
var (
	formats       = []string{"text", "json", "sarif", "codeclimate", "report-json", "html"}
	reportFormats = []string{"report", "report-json", "html"}
)

// parseArgs takes isolint's own flags out of args and leaves the rest for
// go vet: build flags, analyzer flags and packages. Flags are accepted
// with one or two dashes, as the flag package does; -format and -baseline
// take their value after "=" or as the next argument.
func parseArgs(args []string) (vetRun, error) {
	r := vetRun{format: "text"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		on := !hasValue || value == "true" || value == "1"
		if !strings.HasPrefix(a, "-") {
			r.rest = append(r.rest, a)
			continue
		}
		switch name {
		case "fix":
			r.fix = on
		case "diff":
			r.diff = on
		case "report":
			r.report = on
		case "json":
			if on {
				r.format = "json"
			}
		case "baseline-write":
			r.write = on
		case "baseline-prune":
			r.prune = on
		case "verify":
			r.verify.on = on
		case "verify.args", "verify.runs", "verify.timeout":
			if !hasValue {
				if i+1 == len(args) {
					return r, fmt.Errorf("flag -%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if err := r.verify.set(name, value); err != nil {
				return r, err
			}
		case "format", "baseline":
			if !hasValue {
				if i+1 == len(args) {
					return r, fmt.Errorf("flag -%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if name == "baseline" {
				r.baseline = value
			} else if slices.Contains(formats, value) {
				r.format = value
			} else {
				return r, fmt.Errorf("-format=%s: want one of %s", value, strings.Join(formats, ", "))
			}
		default:
			r.rest = append(r.rest, a)
		}
	}
	if slices.Contains(reportFormats, r.format) {
		r.report = true
	} else if r.report && r.format != "text" {
		return r, fmt.Errorf("-report prints the report as text; -format=report-json and -format=html print it in other formats, not -format=%s", r.format)
	} else if r.report {
		r.format = "report"
	}
	switch {
	case r.report && (r.fix || r.diff || r.baseline != ""):
		return r, errors.New("-report describes the tests as they are; it does not combine with -fix, -diff or -baseline")
	case (r.write || r.prune) && r.baseline == "":
		return r, errors.New("-baseline-write and -baseline-prune need -baseline=FILE")
	case r.write && r.prune:
		return r, errors.New("-baseline-write records every finding; it does not combine with -baseline-prune")
	case r.verify.on && (!r.fix || r.diff || r.report || r.format != "text"):
		return r, errors.New("-verify checks the fixes of -fix with the tests; it needs -fix and does not combine with -diff, -report or -format")
	case r.fix && r.baseline != "":
		return r, errors.New("-fix applies every fix; it does not combine with -baseline")
	}
	return r, nil
}

// maxFixRounds bounds the passes of -fix: a fix that removes a test's
// last hazard lets the next pass add t.Parallel() to it, and nothing
// enables a third.
const maxFixRounds = 3

// fixAll applies the fixes with go vet -fix, then again as long as a pass
// finds more to fix (at most maxFixRounds passes), so that one -fix leaves
// nothing a second would change. It returns the exit code.
func fixAll(g goTool, self string, rest []string) int {
	for round := 1; ; round++ {
		_, stderr, code, err := g.vet(self, vetFix, rest)
		if err != nil {
			fmt.Fprintf(os.Stderr, "isolint: running go vet: %v\n", err)
			return 1
		}
		os.Stderr.Write(stderr.Bytes())
		if code != 0 {
			return 1
		}
		// Is there more? go vet -diff prints what a pass would change.
		diff, stderr, code, err := g.vet(self, vetDiff, rest)
		if err != nil {
			fmt.Fprintf(os.Stderr, "isolint: running go vet: %v\n", err)
			return 1
		}
		if code != 0 && stderr.Len() > 0 {
			os.Stderr.Write(stderr.Bytes())
			return 1
		}
		if diff.Len() == 0 {
			return 0
		}
		if round == maxFixRounds {
			fmt.Fprintf(os.Stderr, "isolint: after %d passes of -fix, another would still change files; run it again\n", round)
			return 0
		}
	}
}

// A goTool is the go command that PATH and GOTOOLCHAIN select, as go vet
// will run it: its version decides how isolint talks to go vet.
type goTool struct {
	version string // as go env GOVERSION prints it, e.g. go1.24.13
	// legacy is set before Go 1.26, whose go vet has no -fix flag and
	// prints what the tool prints on its own standard error, under "# pkg"
	// lines (see vetjson.Legacy).
	legacy bool
	dir    string // the directory go vet runs in
}

// minGo is the oldest go command isolint runs: go env GOVERSION is new in
// Go 1.16.
const minGo = "go1.16"

// findGo asks the go command for its version, once per run. The go command
// on PATH may hand over to another toolchain (GOTOOLCHAIN, the go and
// toolchain lines of go.mod): go env, run where go vet will run, answers
// for the one that will run go vet.
func findGo() (goTool, error) {
	dir, err := os.Getwd()
	if err != nil {
		return goTool{}, err
	}
	stdout, stderr, code, err := goCommand(nil, []string{"env", "GOVERSION"})
	if err != nil {
		return goTool{}, err
	}
	if code != 0 {
		return goTool{}, fmt.Errorf("go env GOVERSION: %s", strings.TrimSpace(stderr.String()))
	}
	return newGoTool(strings.TrimSpace(stdout.String()), dir)
}

// newGoTool returns the go command whose go env GOVERSION is v, or an
// error when isolint cannot run with it.
func newGoTool(v, dir string) (goTool, error) {
	lang := ""
	for _, f := range strings.Fields(v) { // "go1.24.13", or "devel go1.27-abcdef …"
		if version.IsValid(f) {
			lang = version.Lang(f)
			break
		}
	}
	if lang == "" || version.Compare(lang, minGo) < 0 {
		// Before Go 1.16, go env GOVERSION prints an empty line.
		return goTool{}, fmt.Errorf("the go command on PATH is %q; isolint needs %s or later", cmp.Or(v, "older than "+minGo), minGo)
	}
	return goTool{version: v, legacy: version.Compare(lang, "go1.26") < 0, dir: dir}, nil
}

// A vetMode is what a go vet run asks of the tool.
type vetMode int

const (
	vetReport vetMode = iota // print the findings as JSON
	vetFix                   // apply the fixes
	vetDiff                  // print the fixes as a unified diff
)

// vettoolFix is the environment variable through which isolint asks the
// tool runs of a go vet older than Go 1.26, which has no -fix flag, to
// apply the fixes ("fix") or to print them as a diff ("diff").
const vettoolFix = "ISOLINT_VETTOOL_FIX"

// vettoolArgs returns the command line of a tool run of go vet (its last
// argument is a .cfg file) with the flags that vettoolFix asks for.
func vettoolArgs(args []string) []string {
	if len(args) < 2 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args
	}
	switch os.Getenv(vettoolFix) {
	case "fix":
		return slices.Concat(args[:1], []string{"-fix"}, args[1:])
	case "diff":
		return slices.Concat(args[:1], []string{"-fix", "-diff"}, args[1:])
	}
	return args
}

// vet runs go vet with isolint (self) as its tool and returns what the
// tool printed (JSON, or a diff), go vet's messages, and its exit code;
// err is set only when go vet could not be run. Whatever the go command's
// version, the output is that of Go 1.26, except that go vet before 1.26
// exits with 0, not 1, when -diff prints a diff.
func (g goTool) vet(self string, mode vetMode, rest []string) (out, msgs *bytes.Buffer, code int, err error) {
	args := []string{"vet", "-vettool=" + self}
	var env []string
	switch {
	case mode == vetReport:
		args = append(args, "-json")
	case !g.legacy && mode == vetFix:
		args = append(args, "-fix")
	case !g.legacy:
		args = append(args, "-fix", "-diff")
	case mode == vetFix:
		env = []string{vettoolFix + "=fix"}
	default:
		env = []string{vettoolFix + "=diff"}
	}
	stdout, stderr, code, err := goCommand(env, append(args, rest...))
	if err != nil || !g.legacy {
		return stdout, stderr, code, err
	}
	o, m := vetjson.Legacy(stderr.Bytes(), g.dir)
	stdout.Write(o)
	return stdout, bytes.NewBuffer(m), code, nil
}

// goCommand runs the go command with args, and env added to isolint's
// environment, and returns its output and exit code; err is set only when
// it could not be run.
func goCommand(env, args []string) (stdout, stderr *bytes.Buffer, code int, err error) {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), env...)
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout, stderr, exit.ExitCode(), nil
	}
	return stdout, stderr, 0, err
}

// runVet runs the analyzers through go vet and returns the exit code,
// whatever the output format: 0 without findings, 3 with findings (with
// -baseline, findings that are not in the baseline), 1 when the packages
// could not be analyzed or isolint itself failed. With -fix, it applies
// the fixes, pass after pass until none is left (0); with -fix -diff it
// prints those of one pass (0); with
// -baseline-write it records the findings (0).
func runVet(analyzers []*analysis.Analyzer, args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: %v\n", err)
		return 1
	}
	r, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: %v\n", err)
		return 1
	}
	g, err := findGo()
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: %v\n", err)
		return 1
	}
	if r.verify.on {
		return r.verifyAll(g, self)
	}
	if r.fix && !r.diff {
		return fixAll(g, self, r.rest)
	}
	if r.report {
		return r.census(g, self)
	}
	mode := vetReport
	if r.fix {
		mode = vetDiff
	}
	stdout, stderr, code, err := g.vet(self, mode, r.rest)
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: running go vet: %v\n", err)
		return 1
	}
	os.Stderr.Write(stderr.Bytes())
	if r.fix {
		os.Stdout.Write(stdout.Bytes())
		// go vet -diff exits 1 when there is a diff to print; only an
		// error message says that something failed.
		if code != 0 && stderr.Len() > 0 {
			return 1
		}
		return 0
	}
	tree, err := readTree(stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: reading go vet's output: %v\n", err)
		return 1
	}
	vetErr := ""
	if code != 0 {
		vetErr = strings.TrimSpace(stderr.String())
		if vetErr == "" {
			vetErr = fmt.Sprintf("go vet failed with exit code %d", code)
		}
	}
	if wd, err := os.Getwd(); err == nil {
		r.root = repoRoot(wd)
	}
	return r.render(os.Stdout, os.Stderr, analyzers, tree, vetErr)
}

// render writes the findings of tree in the run's format, after the
// baseline has taken out those it accepts, and returns the exit code.
// vetErr is what go vet said when it failed.
func (r vetRun) render(stdout, stderr io.Writer, analyzers []*analysis.Analyzer, t tree, vetErr string) int {
	failed := vetErr != "" || t.failed()
	rep := &report{problems: t.problems(analyzers), failures: t.failures(analyzers), failed: failed, vetErr: vetErr, root: r.root, src: newSources()}
	if r.baseline != "" || r.format == "sarif" || r.format == "codeclimate" {
		for _, p := range rep.problems {
			rep.keys = append(rep.keys, rep.src.key(p))
		}
	}
	note := "" // what the baseline says, after the findings
	if r.baseline != "" {
		code, done, n := r.applyBaseline(stderr, rep, failed)
		if done {
			return code
		}
		note = n
		t = t.only(rep.problems)
	}
	switch r.format {
	case "text":
		t.print(stderr, analyzers)
	case "json":
		if err := writeJSON(stdout, t); err != nil {
			return 1
		}
	case "sarif", "codeclimate":
		var doc any = rep.codeClimate()
		if r.format == "sarif" {
			doc = rep.sarif(analyzers)
		}
		if err := writeJSON(stdout, doc); err != nil {
			return 1
		}
	}
	io.WriteString(stderr, note)
	switch {
	case failed:
		return 1
	case len(rep.problems) > 0:
		return 3
	}
	return 0
}

// applyBaseline writes the baseline (-baseline-write), or takes out of rep
// the problems the baseline accepts and prunes its stale entries
// (-baseline-prune). It returns done when the run ends there, with its
// exit code, and otherwise a note on the stale entries for the end of the
// output.
func (r vetRun) applyBaseline(stderr io.Writer, rep *report, failed bool) (code int, done bool, note string) {
	if failed && (r.write || r.prune) {
		fmt.Fprintf(stderr, "isolint: some packages could not be analyzed; %s is left as it is\n", r.baseline)
		return 1, true, ""
	}
	if r.write {
		if err := newBaseline(rep.keys).write(r.baseline); err != nil {
			fmt.Fprintf(stderr, "isolint: %v\n", err)
			return 1, true, ""
		}
		fmt.Fprintf(stderr, "isolint: wrote %d findings to %s\n", len(rep.keys), r.baseline)
		return 0, true, ""
	}
	b, err := readBaseline(r.baseline)
	if err != nil {
		fmt.Fprintf(stderr, "isolint: %v\n", err)
		return 1, true, ""
	}
	fresh, stale := b.match(rep.keys)
	var problems []problem
	var keys []key
	for _, i := range fresh {
		problems = append(problems, rep.problems[i])
		keys = append(keys, rep.keys[i])
	}
	rep.problems, rep.keys = problems, keys
	if len(stale) == 0 {
		return 0, false, ""
	}
	if r.prune {
		if err := b.prune(stale).write(r.baseline); err != nil {
			fmt.Fprintf(stderr, "isolint: %v\n", err)
			return 1, true, ""
		}
		return 0, false, fmt.Sprintf("isolint: dropped %d stale findings from %s\n", countEntries(stale), r.baseline)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "isolint: %s has %d stale findings, which this run did not report; -baseline-prune drops them:\n", r.baseline, countEntries(stale))
	for _, s := range stale {
		fmt.Fprintf(&sb, "\t%s: %s: %s: %s\n", s.Package, s.Analyzer, s.Function, s.Message)
	}
	return 0, false, sb.String()
}

func countEntries(entries []baselineEntry) int {
	n := 0
	for _, e := range entries {
		n += max(e.Count, 1)
	}
	return n
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(v)
}

// A tree is what go vet -json prints, merged over packages: package, then
// analyzer, then its diagnostics or its error.
type tree map[string]map[string]json.RawMessage

type (
	diagnostic   = vetjson.Diagnostic
	suggestedFix = vetjson.SuggestedFix
)

// readTree merges the JSON objects go vet prints, one per package.
func readTree(r io.Reader) (tree, error) {
	t, err := vetjson.Read(r)
	return tree(t), err
}

// failed reports whether an analyzer failed on some package.
func (t tree) failed() bool {
	for _, byAnalyzer := range t {
		for _, v := range byAnalyzer {
			if bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) {
				return true
			}
		}
	}
	return false
}

// print writes the findings as the in-process driver does, by package,
// then by analyzer in the suite's order, then by position, and returns
// how many it printed. Analyzer errors are printed first.
func (t tree) print(w io.Writer, analyzers []*analysis.Analyzer) int {
	for _, f := range t.failures(analyzers) {
		fmt.Fprintf(w, "%s: %s: %s\n", f.pkg, f.analyzer, f.err)
	}
	ps := t.problems(analyzers)
	for _, p := range ps {
		fmt.Fprintf(w, "%s: %s\n", p.diag.Posn, p.diag.Message)
		for _, r := range p.diag.Related {
			fmt.Fprintf(w, "%s: \t%s\n", r.Posn, r.Message)
		}
	}
	return len(ps)
}

// lessPosn orders "file:line:col" positions by file, then line, then
// column.
func lessPosn(a, b string) bool {
	fa, la, ca := vetjson.SplitPosn(a)
	fb, lb, cb := vetjson.SplitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}
