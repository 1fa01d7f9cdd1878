// Package gclplugin registers isolint as a golangci-lint module plugin
// named "isolint".
//
// Build a golangci-lint that contains it with `golangci-lint custom` and the
// repository's .custom-gcl.yml, then enable it in .golangci.yml:
//
//	linters:
//	  enable:
//	    - isolint
//	  settings:
//	    custom:
//	      isolint:
//	        type: module
//	        description: finds test-isolation hazards and fixes them
//	        settings:
//	          disable: []            # analyzers not to run: parallel, globalstate, sleep, registry, uniquekeys
//	          parallel:
//	            skip: ""             # regexp of test names (as go test -run matches them) never reported
//	            subtests: true       # also report subtests
//	          globalstate:
//	            allow: ""            # regexp of package variables (import/path.Name) tests may write
//	          sleep:
//	            benchmarks: false    # also report sleeps in benchmarks
//
// Every key is optional; an absent key keeps the analyzer's default. An
// unknown key, an unknown analyzer name or a regexp that does not compile
// makes golangci-lint fail before it analyzes anything, so a misspelt
// setting is never silently ignored.
//
// All of isolint's analyzers report as the linter "isolint": suppress one
// finding with //nolint:isolint, or, naming the analyzer and a reason, with
// //isolint:ignore <analyzer> <reason>.
package gclplugin

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/analyzers/parallel"
	"github.com/isolint/isolint/analyzers/sleep"
)

func init() {
	register.Plugin("isolint", New)
}

// Settings is the plugin's configuration: the "settings" map of the
// custom linter in .golangci.yml. See the package documentation for an
// example with every key.
type Settings struct {
	// Disable names the analyzers not to run. By default all run.
	Disable []string `json:"disable"`
	// Parallel holds the flags of the parallel analyzer.
	Parallel ParallelSettings `json:"parallel"`
	// Globalstate holds the flags of the globalstate analyzer.
	Globalstate GlobalstateSettings `json:"globalstate"`
	// Sleep holds the flags of the sleep analyzer.
	Sleep SleepSettings `json:"sleep"`
}

// ParallelSettings are the flags of the parallel analyzer (-parallel.skip,
// -parallel.subtests of the isolint command).
type ParallelSettings struct {
	// Skip is a regexp of test names, as go test -run matches them
	// (TestX/sub), that are never reported. Default: "" (none).
	Skip *string `json:"skip"`
	// Subtests says whether subtests are reported too. Default: true.
	Subtests *bool `json:"subtests"`
}

// GlobalstateSettings are the flags of the globalstate analyzer
// (-globalstate.allow of the isolint command).
type GlobalstateSettings struct {
	// Allow is a regexp of package variables, as import/path.Name, that
	// tests may write, such as test hooks guarded by a mutex. Default: ""
	// (none).
	Allow *string `json:"allow"`
}

// SleepSettings are the flags of the sleep analyzer (-sleep.benchmarks
// of the isolint command).
type SleepSettings struct {
	// Benchmarks says whether sleeps in benchmarks are reported too.
	// Default: false (a benchmark may sleep to simulate work).
	Benchmarks *bool `json:"benchmarks"`
}

// Plugin is isolint as a golangci-lint linter: the analyzers that its
// settings enable, their flags already set.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings golangci-lint passes (nil when there are none),
// checks them and sets the analyzers' flags.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("isolint settings: %w", err)
	}
	return s.apply()
}

// apply checks s and sets the flags of the analyzers it enables. Flags it
// leaves out are reset to their defaults: the analyzers are package
// variables, and a second configuration must not inherit the first's.
func (s Settings) apply() (*Plugin, error) {
	all := analyzers.All()
	for _, name := range s.Disable {
		if !slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			known := make([]string, len(all))
			for i, a := range all {
				known[i] = a.Name
			}
			return nil, fmt.Errorf("isolint settings: disable: unknown analyzer %q (known: %s)", name, strings.Join(known, ", "))
		}
	}
	p := &Plugin{}
	for _, a := range all {
		if !slices.Contains(s.Disable, a.Name) {
			p.analyzers = append(p.analyzers, withoutRelated(a))
		}
	}
	sets := []struct {
		a      *analysis.Analyzer
		flag   string
		value  *string
		regexp bool
	}{
		{parallel.Analyzer, "skip", s.Parallel.Skip, true},
		{parallel.Analyzer, "subtests", boolString(s.Parallel.Subtests), false},
		{globalstate.Analyzer, "allow", s.Globalstate.Allow, true},
		{sleep.Analyzer, "benchmarks", boolString(s.Sleep.Benchmarks), false},
	}
	for _, f := range sets {
		key := f.a.Name + "." + f.flag
		v := f.a.Flags.Lookup(f.flag).DefValue
		if f.value != nil {
			v = *f.value
		}
		if f.regexp {
			if _, err := regexp.Compile(v); err != nil {
				return nil, fmt.Errorf("isolint settings: %s: %w", key, err)
			}
		}
		if err := f.a.Flags.Set(f.flag, v); err != nil {
			return nil, fmt.Errorf("isolint settings: %s: %w", key, err)
		}
	}
	return p, nil
}

func boolString(b *bool) *string {
	if b == nil {
		return nil
	}
	s := strconv.FormatBool(*b)
	return &s
}

// withoutRelated returns a copy of a whose findings carry no Related
// positions. golangci-lint makes each related position an issue of its
// own ("globalstate(related information): Shout makes the change
// (envtest.go:19)"), without a fix, on the line of the finding, whose
// message already names the helper and where it makes the change. The
// other drivers, the language server and SARIF keep them.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &w
}

// BuildAnalyzers returns the analyzers the settings enable.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers need types and
// facts of every package a test reaches.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
