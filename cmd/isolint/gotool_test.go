package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/internal/census"
)

// TestNewGoTool checks which go commands isolint runs with, and which of
// them print the tool's output the way go vet did before Go 1.26.
func TestNewGoTool(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		version string
		legacy  bool
		err     string // in the error, if any
	}{
		{"go1.26.8", false, ""},
		{"go1.26rc1", false, ""},
		{"go1.27.0-bigcorp", false, ""},
		{"devel go1.27-a1b2c3d4 Tue Dec 1 00:00:00 2026 +0000", false, ""},
		{"go1.25.14", true, ""},
		{"go1.22.12", true, ""},
		{"go1.16.15", true, ""},
		{"go1.15.15", false, `the go command on PATH is "go1.15.15"; isolint needs go1.16 or later`},
		{"", false, `the go command on PATH is "older than go1.16"; isolint needs go1.16 or later`},
		{"devel +abcdef", false, "isolint needs go1.16 or later"},
	} {
		g, err := newGoTool(c.version, "/m")
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("newGoTool(%q) = %+v, %v; want an error containing %q", c.version, g, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("newGoTool(%q): %v", c.version, err)
		case c.err == "" && g.legacy != c.legacy:
			t.Errorf("newGoTool(%q).legacy = %v, want %v", c.version, g.legacy, c.legacy)
		}
	}
}

// TestVettoolArgs checks that ISOLINT_VETTOOL_FIX adds -fix (and -diff)
// to the tool runs of go vet, and only to them.
func TestVettoolArgs(t *testing.T) {
	run := []string{"isolint", "-parallel.skip=x", "/tmp/vet.cfg"}
	for _, c := range []struct {
		env  string
		args []string
		want []string
	}{
		{"", run, run},
		{"fix", run, []string{"isolint", "-fix", "-parallel.skip=x", "/tmp/vet.cfg"}},
		{"diff", run, []string{"isolint", "-fix", "-diff", "-parallel.skip=x", "/tmp/vet.cfg"}},
		{"other", run, run},
		{"fix", []string{"isolint", "-flags"}, []string{"isolint", "-flags"}},
		{"fix", []string{"isolint", "-V=full"}, []string{"isolint", "-V=full"}},
		{"fix", []string{"isolint"}, []string{"isolint"}},
	} {
		t.Setenv(vettoolFix, c.env)
		if got := vettoolArgs(c.args); !slices.Equal(got, c.want) {
			t.Errorf("with %s=%q, vettoolArgs(%q) = %q, want %q", vettoolFix, c.env, c.args, got, c.want)
		}
	}
}

// TestVettoolSuite checks that the census behind -report joins the vet
// tool's analyzers only when go vet asks for its flags and when -report
// enables it, so that other runs never print it.
func TestVettoolSuite(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args   []string
		census bool
	}{
		{[]string{"-flags"}, true},
		{[]string{"-report", "-parallel.skip=x", "/tmp/vet.cfg"}, true},
		{[]string{"-report=true", "/tmp/vet.cfg"}, true},
		{[]string{"-json", "/tmp/vet.cfg"}, false},
		{[]string{"-V=full"}, false},
		{[]string{"-report=false", "/tmp/vet.cfg"}, false},
	} {
		suite := vettoolSuite(c.args)
		if got := slices.Contains(suite, census.Analyzer); got != c.census {
			t.Errorf("vettoolSuite(%q) has the census: %v, want %v", c.args, got, c.census)
		}
		if !slices.Equal(suite[:len(analyzers.All())], analyzers.All()) {
			t.Errorf("vettoolSuite(%q) does not start with the analyzers", c.args)
		}
	}
}
