package gclplugin

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/analyzers/globalstate"
)

func TestRegistered(t *testing.T) { //isolint:ignore parallel sets the analyzers' flags, which are package variables
	newPlugin, err := register.GetPlugin("isolint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	if got := names(t, p); got != "parallel,globalstate,sleep,registry,uniquekeys" {
		t.Errorf("analyzers = %s, want parallel,globalstate,sleep,registry,uniquekeys", got)
	}
}

// TestSettings checks the settings, each subtest after the one before it.
//
//isolint:ignore parallel sets the analyzers' flags, which are package variables
func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name      string
		conf      any
		analyzers string
		flags     map[string]string // analyzer.flag → value
	}{
		{
			name:      "none",
			conf:      nil,
			analyzers: "parallel,globalstate,sleep,registry,uniquekeys",
			flags:     map[string]string{"parallel.skip": "", "parallel.subtests": "true", "globalstate.allow": "", "sleep.benchmarks": "false"},
		},
		{
			name:      "empty",
			conf:      map[string]any{},
			analyzers: "parallel,globalstate,sleep,registry,uniquekeys",
			flags:     map[string]string{"parallel.skip": "", "parallel.subtests": "true", "globalstate.allow": "", "sleep.benchmarks": "false"},
		},
		{
			name: "every key",
			conf: map[string]any{
				"disable":     []any{},
				"parallel":    map[string]any{"skip": "^TestIntegration", "subtests": false},
				"globalstate": map[string]any{"allow": `^example\.com/hooks\.`},
				"sleep":       map[string]any{"benchmarks": true},
			},
			analyzers: "parallel,globalstate,sleep,registry,uniquekeys",
			flags:     map[string]string{"parallel.skip": "^TestIntegration", "parallel.subtests": "false", "globalstate.allow": `^example\.com/hooks\.`, "sleep.benchmarks": "true"},
		},
		{
			// After "every key": absent keys go back to their defaults.
			name:      "defaults restored",
			conf:      map[string]any{"parallel": map[string]any{"subtests": true}},
			analyzers: "parallel,globalstate,sleep,registry,uniquekeys",
			flags:     map[string]string{"parallel.skip": "", "parallel.subtests": "true", "globalstate.allow": "", "sleep.benchmarks": "false"},
		},
		{
			name:      "disable parallel",
			conf:      map[string]any{"disable": []any{"parallel"}},
			analyzers: "globalstate,sleep,registry,uniquekeys",
		},
		{
			name:      "disable all",
			conf:      map[string]any{"disable": []any{"globalstate", "parallel", "sleep", "registry", "uniquekeys"}},
			analyzers: "",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.conf)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(t, p); got != tc.analyzers {
				t.Errorf("analyzers = %q, want %q", got, tc.analyzers)
			}
			for key, want := range tc.flags {
				if got := flagValue(key); got != want {
					t.Errorf("%s = %q, want %q", key, got, want)
				}
			}
		})
	}
}

func TestSettingsErrors(t *testing.T) { //isolint:ignore parallel sets the analyzers' flags, which are package variables
	for _, tc := range []struct {
		name string
		conf any
		want string // in the error
	}{
		{"unknown key", map[string]any{"disabled": []any{"parallel"}}, `unknown field "disabled"`},
		{"unknown nested key", map[string]any{"parallel": map[string]any{"skips": "x"}}, `unknown field "skips"`},
		{"flag of another analyzer", map[string]any{"globalstate": map[string]any{"skip": "x"}}, `unknown field "skip"`},
		{"unknown analyzer", map[string]any{"disable": []any{"sleepy"}}, `disable: unknown analyzer "sleepy"`},
		{"bad skip regexp", map[string]any{"parallel": map[string]any{"skip": "(Test"}}, "parallel.skip: error parsing regexp"},
		{"bad allow regexp", map[string]any{"globalstate": map[string]any{"allow": "[a"}}, "globalstate.allow: error parsing regexp"},
		{"wrong type", map[string]any{"parallel": map[string]any{"subtests": "yes"}}, "cannot unmarshal string"},
		{"not a map", "parallel", "cannot unmarshal string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.conf)
			if err == nil {
				t.Fatalf("New(%v) succeeded, want an error containing %q", tc.conf, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "isolint settings: ") {
				t.Errorf("New(%v) = %q, want an error starting with %q and containing %q", tc.conf, err, "isolint settings: ", tc.want)
			}
		})
	}
	// A failed configuration leaves the analyzers usable with their defaults.
	if _, err := New(nil); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, p register.LinterPlugin) string {
	t.Helper()
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	return strings.Join(names, ",")
}

func flagValue(key string) string {
	name, flag, _ := strings.Cut(key, ".")
	for _, a := range analyzers.All() {
		if a.Name == name {
			return a.Flags.Lookup(flag).Value.String()
		}
	}
	return "no analyzer " + name
}

// TestWithoutRelated checks that the plugin's analyzers report what
// isolint's do, without the related positions, which golangci-lint would
// show as issues of their own.
func TestWithoutRelated(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	related := func(a *analysis.Analyzer) int {
		n := 0
		for _, r := range analysistest.Run(t, dir, a, "related") {
			for _, d := range r.Diagnostics {
				n += len(d.Related)
			}
		}
		return n
	}
	if n := related(globalstate.Analyzer); n == 0 {
		t.Fatal("globalstate reports the helper's finding without a related position: nothing to take away")
	}
	if n := related(withoutRelated(globalstate.Analyzer)); n != 0 {
		t.Errorf("the plugin's globalstate reports %d related positions, want none", n)
	}
}
