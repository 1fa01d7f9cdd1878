package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/isolint/isolint/internal/vetjson"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// baselineFile is the baseline the CI recipes use.
const baselineFile = ".isolint-baseline.json"

// TestCI runs isolint on the demo module as CI does: the SARIF and Code
// Climate outputs against their golden files, the exit code of each
// output format, a baseline through edits, and the recipes of
// examples/ci.
func TestCI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)

	for _, c := range []struct{ format, golden string }{
		{"sarif", "demo.sarif"},
		{"codeclimate", "demo.codeclimate.json"},
	} {
		t.Run(c.format, func(t *testing.T) {
			t.Parallel()
			d := copyDemo(t)
			d.markRepo(t)
			r := d.run(t, bin, "-format="+c.format, "./...")
			r.wantCode(t, 3)
			r.wantStderr(t, "")
			checkGolden(t, filepath.Join("testdata", c.golden), r.stdout)
			if c.format == "sarif" {
				validateSARIF(t, []byte(r.stdout))
			}
			got := locations(t, c.format, r.stdout)
			want := d.wantLocations(findings)
			if !slices.Equal(got, want) {
				t.Errorf("locations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if fps := fingerprints(t, c.format, r.stdout); len(fps) != len(findings) || len(slices.Compact(slices.Sorted(slices.Values(fps)))) != len(fps) {
				t.Errorf("fingerprints %q: want %d, all different", fps, len(findings))
			}

			// From a directory below the repository root, the files are
			// still named relative to the root.
			r = run(t, filepath.Join(d.dir, "config"), bin, "-format="+c.format, "./...")
			r.wantCode(t, 3)
			got = locations(t, c.format, r.stdout)
			want = d.wantLocations(findingsIn("config/"))
			if !slices.Equal(got, want) {
				t.Errorf("from config/: locations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}

	// Every output format has the same exit codes: 3 with findings, 0
	// without, 1 when a package does not compile.
	t.Run("exitcodes", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		formats := [][]string{{}, {"-json"}, {"-format=json"}, {"-format=sarif"}, {"-format=codeclimate"}}
		check := func(code int, when string) {
			t.Helper()
			for _, f := range formats {
				r := d.run(t, bin, append(f, "./...")...)
				if r.code != code {
					t.Errorf("%s: %s: exit code %d, want %d\n%s", when, r.cmd, r.code, code, r.stderr)
				}
				if slices.Contains(f, "-format=sarif") {
					validateSARIF(t, []byte(r.stdout))
				} else if len(f) > 0 && !json.Valid([]byte(r.stdout)) {
					t.Errorf("%s: %s printed invalid JSON:\n%s", when, r.cmd, r.stdout)
				}
			}
		}
		check(3, "with findings")
		d.run(t, bin, "-fix", "./...").wantCode(t, 0)
		check(0, "after -fix")
		if err := os.WriteFile(filepath.Join(d.dir, "greet", "broken.go"), []byte("package greet\n\nfunc broken() int { return \"x\" }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		check(1, "with a type error")
		r := d.run(t, bin, "-format=sarif", "./...")
		var log sarifLog
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
			t.Fatal(err)
		}
		if inv := log.Runs[0].Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || !strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "broken.go:3:28") {
			t.Errorf("SARIF invocation with a type error: %+v", inv)
		}
		d.run(t, bin, "-format=yaml", "./...").wantCode(t, 1)
	})

	t.Run("baseline", func(t *testing.T) {
		t.Parallel()
		d := copyDemo(t)
		r := d.run(t, bin, "-baseline="+baselineFile, "./...")
		r.wantCode(t, 1)
		if !strings.Contains(r.stderr, "-baseline-write creates it") {
			t.Errorf("without a baseline file: stderr lacks the advice:\n%s", r.stderr)
		}
		r = d.run(t, bin, "-baseline="+baselineFile, "-baseline-write", "./...")
		r.wantCode(t, 0)
		r.wantStderr(t, fmt.Sprintf("isolint: wrote %d findings to %s\n", len(findings), baselineFile))
		recorded := d.read(t, baselineFile)
		if strings.Contains(recorded, d.dir) || strings.Contains(recorded, `"line"`) {
			t.Errorf("the baseline holds a path or a line number:\n%s", recorded)
		}
		d.wantBaselined(t, bin, "right after -baseline-write")

		// Edits that do not touch the findings: lines added above them,
		// a finding's call split over lines, an edit elsewhere in its
		// function.
		d.edit(t, "greet/greet_test.go", "package greet_test\n", "package greet_test\n\n// Lines added above every finding\n// of this file.\n")
		d.edit(t, "greet/greet_test.go", `os.Setenv("GREET_LANG", "de")`, "os.Setenv(\n\t\t\"GREET_LANG\", // the language\n\t\t\"de\",\n\t)")
		d.edit(t, "greet/greet_test.go", "t.Errorf(\"FromEnv = %q, want %q\", got, want)", "t.Errorf(\"FromEnv() = %q, want %q\", got, want)")
		d.edit(t, "config/config_test.go", "func TestLangFromEnv", "// TestLangFromEnv has a longer comment now.\nfunc TestLangFromEnv")
		d.wantBaselined(t, bin, "after edits around the findings")

		// An edit of the offending statement makes its finding new, and
		// its baseline entry stale.
		d.edit(t, "greet/greet_test.go", "\t\t\"de\",\n", "\t\t\"fr\",\n")
		fromEnv := findingsWith(func(f finding) bool {
			return f.analyzer == "globalstate" && strings.HasPrefix(f.message, "TestFromEnv ")
		})
		if len(fromEnv) != 1 {
			t.Fatalf("%d globalstate findings in TestFromEnv, want 1", len(fromEnv))
		}
		// The finding is 3 lines down, from the comment added above it.
		name, line, col := vetjson.SplitPosn(fromEnv[0].posn)
		moved := fmt.Sprintf("%s:%d:%d", name, line+3, col)
		r = d.run(t, bin, "-baseline="+baselineFile, "./...")
		r.wantCode(t, 3)
		stale := fmt.Sprintf("isolint: %s has 1 stale findings, which this run did not report; -baseline-prune drops them:\n\texample.com/demo/greet_test: %s: TestFromEnv: %s\n", baselineFile, fromEnv[0].analyzer, fromEnv[0].message)
		wantText := filepath.FromSlash(moved) + ": " + fromEnv[0].message + "\n" + stale
		if got := d.norm(r.stderr); got != wantText {
			t.Errorf("after the finding's statement changed: stderr\n%s\nwant\n%s", got, wantText)
		}
		for _, format := range []string{"sarif", "codeclimate", "json"} {
			r := d.run(t, bin, "-format="+format, "-baseline="+baselineFile, "./...")
			r.wantCode(t, 3)
			if got := d.norm(r.stderr); got != stale {
				t.Errorf("-format=%s: stderr\n%s\nwant\n%s", format, got, stale)
			}
			if format == "json" {
				var tr tree
				if err := json.Unmarshal([]byte(r.stdout), &tr); err != nil {
					t.Fatal(err)
				}
				if ps := tr.problems(nil); len(ps) != 1 || ps[0].diag.Message != fromEnv[0].message {
					t.Errorf("-json with the baseline printed\n%s\nwant only the new finding", r.stdout)
				}
				continue
			}
			if got, want := locations(t, format, r.stdout), []string{fmt.Sprintf("%s %s:%d", fromEnv[0].analyzer, name, line+3)}; !slices.Equal(got, want) {
				t.Errorf("-format=%s with the baseline: %q, want %q", format, got, want)
			}
		}

		// Pruning drops the stale entry and keeps the others; the new
		// finding stays new.
		r = d.run(t, bin, "-baseline="+baselineFile, "-baseline-prune", "./...")
		r.wantCode(t, 3)
		if !strings.HasSuffix(r.stderr, fmt.Sprintf("isolint: dropped 1 stale findings from %s\n", baselineFile)) {
			t.Errorf("-baseline-prune: stderr\n%s", r.stderr)
		}
		var b baseline
		if err := json.Unmarshal([]byte(d.read(t, baselineFile)), &b); err != nil {
			t.Fatal(err)
		}
		if len(b.Findings) != len(findings)-1 || slices.ContainsFunc(b.Findings, func(e baselineEntry) bool { return e.Function == "TestFromEnv" }) {
			t.Errorf("after -baseline-prune the baseline is\n%s", d.read(t, baselineFile))
		}
		r = d.run(t, bin, "-baseline="+baselineFile, "./...")
		r.wantCode(t, 3)
		if got := d.norm(r.stderr); got != filepath.FromSlash(moved)+": "+fromEnv[0].message+"\n" {
			t.Errorf("after -baseline-prune: stderr\n%s", got)
		}

		// A package that does not compile leaves the baseline alone.
		if err := os.WriteFile(filepath.Join(d.dir, "greet", "broken.go"), []byte("package greet\n\nfunc broken() int { return \"x\" }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := d.read(t, baselineFile)
		d.run(t, bin, "-baseline="+baselineFile, "-baseline-write", "./...").wantCode(t, 1)
		if d.read(t, baselineFile) != before {
			t.Errorf("-baseline-write changed the baseline although a package failed")
		}
	})

	t.Run("recipes", func(t *testing.T) {
		t.Parallel()
		testRecipes(t, bin)
	})
}

// markRepo makes the copy the root of a repository, which SARIF and Code
// Climate name files relative to.
func (d demoCopy) markRepo(t *testing.T) {
	t.Helper()
	if err := os.Mkdir(filepath.Join(d.dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
}

func (d demoCopy) read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces the one occurrence of old in the file name by new.
func (d demoCopy) edit(t *testing.T, name, old, new string) {
	t.Helper()
	src := d.read(t, name)
	if strings.Count(src, old) != 1 {
		t.Fatalf("%s has %d times %q, want once", name, strings.Count(src, old), old)
	}
	if err := os.WriteFile(filepath.Join(d.dir, filepath.FromSlash(name)), []byte(strings.Replace(src, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// wantBaselined checks that a run with the baseline reports nothing, in
// every format.
func (d demoCopy) wantBaselined(t *testing.T, bin, when string) {
	t.Helper()
	for _, format := range []string{"text", "json", "sarif", "codeclimate"} {
		r := d.run(t, bin, "-format="+format, "-baseline="+baselineFile, "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: %s: exit code %d, stderr:\n%s", when, r.cmd, r.code, r.stderr)
		}
		switch format {
		case "sarif":
			validateSARIF(t, []byte(r.stdout))
			if got := locations(t, format, r.stdout); len(got) != 0 {
				t.Errorf("%s: %s reports %q", when, r.cmd, got)
			}
		case "codeclimate":
			if strings.TrimSpace(r.stdout) != "[]" {
				t.Errorf("%s: %s printed\n%s", when, r.cmd, r.stdout)
			}
		case "json":
			if strings.TrimSpace(r.stdout) != "{}" {
				t.Errorf("%s: %s printed\n%s", when, r.cmd, r.stdout)
			}
		}
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -run TestCI -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("the output differs from %s (go test -run TestCI -update rewrites it): %s", golden, firstDifference(golden, got, string(want)))
	}
}

// locations lists the analyzer, file and line of each finding of a SARIF
// or Code Climate report, in its order.
func locations(t *testing.T, format, out string) []string {
	t.Helper()
	var locs []string
	switch format {
	case "sarif":
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatalf("decoding SARIF: %v\n%s", err, out)
		}
		for _, res := range log.Runs[0].Results {
			l := res.Locations[0].PhysicalLocation
			if l.ArtifactLocation.URIBaseID != srcRoot {
				t.Errorf("%s is not relative to %s", l.ArtifactLocation.URI, srcRoot)
			}
			locs = append(locs, fmt.Sprintf("%s %s:%d", res.RuleID, l.ArtifactLocation.URI, l.Region.StartLine))
		}
	case "codeclimate":
		var issues []codeClimateIssue
		if err := json.Unmarshal([]byte(out), &issues); err != nil {
			t.Fatalf("decoding Code Climate issues: %v\n%s", err, out)
		}
		for _, is := range issues {
			locs = append(locs, fmt.Sprintf("%s %s:%d", strings.TrimPrefix(is.CheckName, "isolint/"), is.Location.Path, is.Location.Lines.Begin))
		}
	}
	return locs
}

// fingerprints lists the fingerprints of a SARIF or Code Climate report.
func fingerprints(t *testing.T, format, out string) []string {
	t.Helper()
	var fps []string
	if format == "sarif" {
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		for _, res := range log.Runs[0].Results {
			fps = append(fps, res.PartialFingerprints[fingerprintName])
		}
		return fps
	}
	var issues []codeClimateIssue
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		fps = append(fps, is.Fingerprint)
	}
	return fps
}

// wantLocations is what locations returns for the findings.
func (d demoCopy) wantLocations(fs []finding) []string {
	var out []string
	for _, f := range fs {
		name, line, _ := vetjson.SplitPosn(f.posn)
		out = append(out, fmt.Sprintf("%s %s:%d", f.analyzer, name, line))
	}
	return out
}

func findingsWith(keep func(finding) bool) []finding {
	var out []finding
	for _, f := range findings {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

func findingsIn(dir string) []finding {
	return findingsWith(func(f finding) bool { return strings.HasPrefix(f.posn, dir) })
}

// testRecipes checks the CI recipes of examples/ci: that they parse, that
// they install this command, and that the commands they run do on the
// demo what the recipe expects, with a baseline, with a new finding and
// with a package that does not compile.
func testRecipes(t *testing.T, bin string) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("the recipes run bash")
	}
	const install = "go install github.com/isolint/isolint/cmd/isolint@latest"
	path := "PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	recipes := filepath.Join("..", "..", "examples", "ci")
	decode := func(name string, v any) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(recipes, name))
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// scenario prepares a copy of the demo with a baseline of its
	// findings; with fresh, one finding is then changed so that it is new.
	scenario := func(t *testing.T, fresh, broken bool) demoCopy {
		d := copyDemo(t)
		d.markRepo(t)
		d.run(t, bin, "-baseline="+baselineFile, "-baseline-write", "./...").wantCode(t, 0)
		if fresh {
			d.edit(t, "greet/greet_test.go", `os.Setenv("GREET_LANG", "de")`, `os.Setenv("GREET_LANG", "fr")`)
		}
		if broken {
			if err := os.WriteFile(filepath.Join(d.dir, "greet", "broken.go"), []byte("package greet\n\nfunc broken() int { return \"x\" }\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}

	t.Run("github", func(t *testing.T) {
		t.Parallel()
		var wf struct {
			Name        string            `yaml:"name"`
			On          map[string]any    `yaml:"on"`
			Permissions map[string]string `yaml:"permissions"`
			Jobs        map[string]struct {
				RunsOn string `yaml:"runs-on"`
				Steps  []struct {
					Name string            `yaml:"name"`
					ID   string            `yaml:"id"`
					If   string            `yaml:"if"`
					Uses string            `yaml:"uses"`
					Run  string            `yaml:"run"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		decode("github-actions.yml", &wf)
		if wf.Permissions["security-events"] != "write" {
			t.Errorf("permissions %v: uploading SARIF needs security-events: write", wf.Permissions)
		}
		if _, ok := wf.On["pull_request"]; !ok {
			t.Errorf("the workflow does not run on pull requests: %v", wf.On)
		}
		job, ok := wf.Jobs["isolint"]
		if !ok || len(wf.Jobs) != 1 {
			t.Fatalf("jobs %v, want one: isolint", slices.Sorted(maps.Keys(wf.Jobs)))
		}
		var installed bool
		var lint, gate, sarifFile string
		var lintID string
		for _, s := range job.Steps {
			switch {
			case s.Run == install:
				installed = true
			case strings.Contains(s.Run, "isolint -format=sarif"):
				lint, lintID = s.Run, s.ID
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				sarifFile = s.With["sarif_file"]
			case s.If != "":
				gate = s.If + "\n" + s.Run
			}
		}
		if !installed || lint == "" || sarifFile == "" || gate == "" {
			t.Fatalf("the workflow lacks a step: install %v, run %q, upload %q, gate %q", installed, lint, sarifFile, gate)
		}
		if want := "steps." + lintID + ".outputs.status == '3'"; !strings.HasPrefix(gate, want+"\n") {
			t.Errorf("the gate runs if %q, want %q", strings.SplitN(gate, "\n", 2)[0], want)
		}
		gateScript := strings.SplitN(gate, "\n", 2)[1]
		for _, c := range []struct {
			name            string
			fresh, broken   bool
			code, status, n int
		}{
			{name: "baselined", status: 0, n: 0},
			{name: "new finding", fresh: true, status: 3, n: 1},
			{name: "broken", broken: true, code: 1, status: 1},
		} {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				d := scenario(t, c.fresh, c.broken)
				output := filepath.Join(t.TempDir(), "github_output")
				// GitHub runs a step's script with bash -e -o pipefail.
				r := d.run(t, "env", path, "GITHUB_OUTPUT="+output, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", lint)
				r.wantCode(t, c.code)
				got, err := os.ReadFile(output)
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf("status=%d\n", c.status); string(got) != want {
					t.Errorf("step output %q, want %q", got, want)
				}
				if c.broken {
					return
				}
				out := d.read(t, sarifFile)
				validateSARIF(t, []byte(out))
				if got := locations(t, "sarif", out); len(got) != c.n {
					t.Errorf("%s has %d results, want %d: %q", sarifFile, len(got), c.n, got)
				}
				gate := d.run(t, bash, "-e", "-c", gateScript)
				gate.wantCode(t, 1) // the step runs only when the status is 3
			})
		}
	})

	t.Run("gitlab", func(t *testing.T) {
		t.Parallel()
		var ci map[string]struct {
			Stage     string   `yaml:"stage"`
			Image     string   `yaml:"image"`
			Script    []string `yaml:"script"`
			Artifacts struct {
				When    string            `yaml:"when"`
				Reports map[string]string `yaml:"reports"`
			} `yaml:"artifacts"`
		}
		decode("gitlab-ci.yml", &ci)
		job, ok := ci["isolint"]
		if !ok {
			t.Fatalf("no job isolint in %v", ci)
		}
		if len(job.Script) != 2 || job.Script[0] != install {
			t.Fatalf("script %q: want %q, then isolint", job.Script, install)
		}
		report := job.Artifacts.Reports["codequality"]
		if report == "" || job.Artifacts.When != "always" {
			t.Fatalf("artifacts %+v: want the codequality report, when: always (the job fails on findings)", job.Artifacts)
		}
		for _, c := range []struct {
			name          string
			fresh, broken bool
			code, n       int
		}{
			{name: "baselined", code: 0, n: 0},
			{name: "new finding", fresh: true, code: 3, n: 1},
			{name: "broken", broken: true, code: 1},
		} {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				d := scenario(t, c.fresh, c.broken)
				r := d.run(t, "env", path, bash, "-e", "-c", job.Script[1])
				r.wantCode(t, c.code)
				if c.broken {
					return
				}
				if got := locations(t, "codeclimate", d.read(t, report)); len(got) != c.n {
					t.Errorf("%s has %d issues, want %d: %q", report, len(got), c.n, got)
				}
			})
		}
	})

	t.Run("pre-commit", func(t *testing.T) {
		t.Parallel()
		var cfg struct {
			Repos []struct {
				Repo  string `yaml:"repo"`
				Hooks []struct {
					ID            string   `yaml:"id"`
					Name          string   `yaml:"name"`
					Language      string   `yaml:"language"`
					Entry         string   `yaml:"entry"`
					Args          []string `yaml:"args"`
					PassFilenames *bool    `yaml:"pass_filenames"`
					Types         []string `yaml:"types"`
				} `yaml:"hooks"`
			} `yaml:"repos"`
		}
		decode("pre-commit-config.yaml", &cfg)
		if len(cfg.Repos) != 1 || len(cfg.Repos[0].Hooks) != 1 {
			t.Fatalf("want one repository with one hook: %+v", cfg)
		}
		hook := cfg.Repos[0].Hooks[0]
		if hook.ID != "isolint" || hook.PassFilenames == nil || *hook.PassFilenames || !slices.Equal(hook.Types, []string{"go"}) {
			t.Errorf("hook %+v: want id isolint, pass_filenames: false (isolint analyzes packages), types [go]", hook)
		}
		// pre-commit runs the entry, split like a shell command line,
		// with the args after it.
		command := strings.Join(append([]string{hook.Entry}, hook.Args...), " ")
		for _, c := range []struct {
			name          string
			fresh, broken bool
			code          int
		}{
			{name: "baselined", code: 0},
			{name: "new finding", fresh: true, code: 3},
			{name: "broken", broken: true, code: 1},
		} {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				d := scenario(t, c.fresh, c.broken)
				d.run(t, "env", path, bash, "-c", command).wantCode(t, c.code)
			})
		}
	})
}
