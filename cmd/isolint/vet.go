package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
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
	fix, diff, json bool
	rest            []string // build flags, analyzer flags and packages, for go vet
}

func parseArgs(args []string) vetRun {
	var r vetRun
	for _, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		on := !hasValue || value == "true" || value == "1"
		if strings.HasPrefix(a, "-") {
			switch name {
			case "fix":
				r.fix = on
				continue
			case "diff":
				r.diff = on
				continue
			case "json":
				r.json = on
				continue
			}
		}
		r.rest = append(r.rest, a)
	}
	return r
}

// runVet runs the analyzers through go vet and returns the exit code:
// 0 without findings, 3 with findings, 1 when the packages could not be
// analyzed. With -fix, it applies the fixes (0), with -fix -diff it prints
// them (0); with -json it prints the findings as one JSON document (0).
func runVet(analyzers []*analysis.Analyzer, args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: %v\n", err)
		return 1
	}
	r := parseArgs(args)
	vetArgs := []string{"vet", "-vettool=" + self}
	switch {
	case r.fix && r.diff:
		vetArgs = append(vetArgs, "-fix", "-diff")
	case r.fix:
		vetArgs = append(vetArgs, "-fix")
	default:
		vetArgs = append(vetArgs, "-json")
	}
	cmd := exec.Command("go", append(vetArgs, r.rest...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: running go vet: %v\n", err)
		return 1
	}
	os.Stderr.Write(stderr.Bytes())
	if r.fix {
		os.Stdout.Write(stdout.Bytes())
		// go vet -diff exits 1 when there is a diff to print; only an
		// error message says that something failed.
		if code != 0 && (!r.diff || stderr.Len() > 0) {
			return 1
		}
		return 0
	}
	tree, err := readTree(&stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: reading go vet's output: %v\n", err)
		return 1
	}
	failed := code != 0 || tree.failed()
	if r.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "\t")
		if err := enc.Encode(tree); err != nil {
			return 1
		}
		if failed {
			return 1
		}
		return 0
	}
	n := tree.print(os.Stderr, analyzers)
	switch {
	case failed:
		return 1
	case n > 0:
		return 3
	}
	return 0
}

// A tree is what go vet -json prints, merged over packages: package, then
// analyzer, then its diagnostics or its error.
type tree map[string]map[string]json.RawMessage

type diagnostic = vetjson.Diagnostic

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
// how many it printed. Analyzer errors are printed too.
func (t tree) print(w io.Writer, analyzers []*analysis.Analyzer) int {
	pkgs := make([]string, 0, len(t))
	for p := range t {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	n := 0
	for _, p := range pkgs {
		for _, a := range analyzers {
			v, ok := t[p][a.Name]
			if !ok {
				continue
			}
			var failure struct {
				Error string `json:"error"`
			}
			if json.Unmarshal(v, &failure) == nil && failure.Error != "" {
				fmt.Fprintf(w, "%s: %s: %s\n", p, a.Name, failure.Error)
				continue
			}
			var diags []diagnostic
			if err := json.Unmarshal(v, &diags); err != nil {
				continue
			}
			sort.SliceStable(diags, func(i, j int) bool { return lessPosn(diags[i].Posn, diags[j].Posn) })
			for _, d := range diags {
				fmt.Fprintf(w, "%s: %s\n", d.Posn, d.Message)
				for _, r := range d.Related {
					fmt.Fprintf(w, "%s: \t%s\n", r.Posn, r.Message)
				}
				n++
			}
		}
	}
	return n
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
