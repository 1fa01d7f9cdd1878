package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/isolint/isolint/internal/vetjson"
)

// fixCounts are the totals of a -fixsafety run.
type fixCounts struct {
	tried, noTests, notLoadable, timedOut, checked, withFixes, fixes, files, failures int
}

// runFixSafety applies isolint -fix to copies of the modules, prints each
// failure and the totals, and returns the number of failures. The first
// always modules are run whatever the time budget.
func runFixSafety(c *config, mods []module, always int) int {
	var n fixCounts
	for i, m := range mods {
		if i >= always && !c.more() {
			break
		}
		c.trimCache()
		n.tried++
		outcome, fixes, files, detail := fixCheck(c, m, filepath.Join(c.tmp, fmt.Sprint(i)))
		switch outcome {
		case "fixed":
			n.checked++
			n.withFixes++
			n.fixes += fixes
			n.files += files
		case "no fixes":
			n.checked++
		case "no tests":
			n.noTests++
		case "not loadable":
			n.notLoadable++
		case "timed out":
			n.timedOut++
		default:
			n.failures++
			fmt.Printf("FAIL %s: %s\n%s\n", m.name, outcome, detail)
			continue
		}
		if c.verbose {
			fmt.Printf("%s: %s (%d fixes, %d files)\n", m.name, outcome, fixes, files)
		}
	}
	fmt.Printf("fixsafety: %d modules tried, %d without tests, %d not type-checking offline, %d timed out; %d checked, %d with fixes (%d findings with a fix, %d files changed); %d failures\n",
		n.tried, n.noTests, n.notLoadable, n.timedOut, n.checked, n.withFixes, n.fixes, n.files, n.failures)
	return n.failures
}

// fixCheck checks the fixes of isolint on a copy of m made under work. It
// returns "fixed", "no fixes", "no tests", "not loadable", "timed out",
// or what failed, with the number of findings that carry a fix and of
// files the fixes changed.
func fixCheck(c *config, m module, work string) (outcome string, fixes, files int, detail string) {
	defer os.RemoveAll(work)
	if !hasTests(m.dir) {
		return "no tests", 0, 0, ""
	}
	a := filepath.Join(work, "a")
	if err := copyTree(m.dir, a); err != nil {
		return "copying the module failed", 0, 0, err.Error()
	}
	vetBefore := c.run(a, "go", "vet", "-json", "./...")
	if vetBefore.timedOut {
		return "timed out", 0, 0, ""
	}
	if vetBefore.code != 0 {
		return "not loadable", 0, 0, ""
	}
	r := c.run(a, c.bin, "-json", "./...")
	if s := r.crash(); s != "" {
		return "isolint crashed", 0, 0, s
	}
	if r.timedOut {
		return "timed out", 0, 0, ""
	}
	if r.code != 0 && r.code != 3 {
		return fmt.Sprintf("isolint exit code %d on a module go vet loads", r.code), 0, 0, excerpt(r.stderr, 20)
	}
	tree, err := vetjson.Read(strings.NewReader(r.stdout))
	if err != nil {
		return "isolint printed invalid JSON", 0, 0, err.Error()
	}
	for pkg, byAnalyzer := range tree {
		for an := range byAnalyzer {
			diags, _ := tree.Result(pkg, an)
			for _, d := range diags {
				if len(d.SuggestedFixes) > 0 {
					fixes++
				}
			}
		}
	}
	if fixes == 0 {
		return "no fixes", 0, 0, ""
	}

	before, err := goFiles(a)
	if err != nil {
		return "reading the copy failed", fixes, 0, err.Error()
	}
	if r := c.run(a, c.bin, "-fix", "./..."); r.timedOut {
		return "timed out", fixes, 0, ""
	} else if r.code != 0 || r.crash() != "" {
		return fmt.Sprintf("isolint -fix exit code %d", r.code), fixes, 0, excerpt(r.stderr, 20)
	}
	after, err := goFiles(a)
	if err != nil {
		return "reading the copy failed", fixes, 0, err.Error()
	}
	changed := changedFiles(before, after)
	if len(changed) == 0 {
		return "isolint -fix changed nothing", fixes, 0, fmt.Sprintf("%d findings carry a fix", fixes)
	}
	gofmt := c.run(a, append([]string{"gofmt", "-l"}, changed...)...)
	if gofmt.code != 0 || gofmt.stdout != "" {
		return "fixed files are not gofmt-clean", fixes, len(changed), gofmt.stdout + gofmt.stderr
	}
	vetAfter := c.run(a, "go", "vet", "-json", "./...")
	if vetAfter.code != 0 {
		return "the fixed module does not type-check", fixes, len(changed), excerpt(vetAfter.stderr, 30)
	}
	if added := newVetFindings(vetBefore.stdout, vetAfter.stdout); len(added) > 0 {
		return "the fixes add go vet findings", fixes, len(changed), strings.Join(added, "\n")
	}
	if r := c.run(a, c.bin, "-fix", "./..."); r.code != 0 {
		return fmt.Sprintf("second isolint -fix exit code %d", r.code), fixes, len(changed), excerpt(r.stderr, 20)
	}
	again, err := goFiles(a)
	if err != nil {
		return "reading the copy failed", fixes, len(changed), err.Error()
	}
	if diff := changedFiles(after, again); len(diff) > 0 {
		return "a second -fix changed files (not idempotent)", fixes, len(changed), secondDiff(after, again, diff)
	}
	b := filepath.Join(work, "b")
	if err := copyTree(m.dir, b); err != nil {
		return "copying the module failed", fixes, len(changed), err.Error()
	}
	if r := c.run(b, c.bin, "-fix", "./..."); r.timedOut {
		return "timed out", fixes, len(changed), ""
	} else if r.code != 0 {
		return fmt.Sprintf("isolint -fix on a second copy: exit code %d", r.code), fixes, len(changed), excerpt(r.stderr, 20)
	}
	other, err := goFiles(b)
	if err != nil {
		return "reading the copy failed", fixes, len(changed), err.Error()
	}
	if diff := changedFiles(after, other); len(diff) > 0 {
		return "-fix on two copies wrote different files (not deterministic)", fixes, len(changed), strings.Join(diff, "\n")
	}
	return "fixed", fixes, len(changed), ""
}

// hasTests reports whether dir holds a _test.go file outside testdata
// and vendor directories.
func hasTests(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || found:
			return filepath.SkipDir
		case d.IsDir() && (d.Name() == "testdata" || d.Name() == "vendor"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(d.Name(), "_test.go"):
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// copyTree copies the regular files of src to dst, writable, whatever
// the permissions of src (the module cache is read-only).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// goFiles returns the Go files under dir by their path relative to it.
// Only Go files are compared: with -mod=mod, the go command may tidy
// go.mod and go.sum, which is not isolint's doing.
func goFiles(dir string) (map[string]string, error) {
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = string(data)
		return nil
	})
	return files, err
}

// changedFiles returns the files that differ between two trees, sorted.
func changedFiles(x, y map[string]string) []string {
	var out []string
	for name, data := range x {
		if other, ok := y[name]; !ok || other != data {
			out = append(out, name)
		}
	}
	for name := range y {
		if _, ok := x[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// newVetFindings returns go vet's findings (analyzer: message) that after
// has more often than before; positions are left out, since the fixes
// move lines.
func newVetFindings(before, after string) []string {
	count := func(s string) map[string]int {
		n := make(map[string]int)
		tree, err := vetjson.Read(strings.NewReader(s))
		if err != nil {
			return n
		}
		for pkg, byAnalyzer := range tree {
			for a := range byAnalyzer {
				diags, _ := tree.Result(pkg, a)
				for _, d := range diags {
					n[a+": "+d.Message]++
				}
			}
		}
		return n
	}
	b, a := count(before), count(after)
	var out []string
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if a[k] > b[k] {
			out = append(out, k)
		}
	}
	return out
}

// secondDiff names the files a second -fix changed and the lines it
// added, for the report.
func secondDiff(x, y map[string]string, diff []string) string {
	var b strings.Builder
	for _, name := range diff {
		fmt.Fprintf(&b, "%s:\n", name)
		old := make(map[string]int)
		for _, line := range strings.Split(x[name], "\n") {
			old[line]++
		}
		for i, line := range strings.Split(y[name], "\n") {
			if old[line] > 0 {
				old[line]--
				continue
			}
			fmt.Fprintf(&b, "\t+%d: %s\n", i+1, strings.TrimSpace(line))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
