package analyzers_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/isolint/isolint/analyzers"
)

// TestManuals checks the user's manual: the README shows each analyzer and
// links to its page under docs/, and that page documents every flag the
// analyzer has.
func TestManuals(t *testing.T) {
	t.Parallel()
	readme := readDoc(t, "../README.md")
	for _, a := range analyzers.All() {
		page := "docs/" + a.Name + ".md"
		if !strings.Contains(readme, "\n### "+a.Name+"\n") || !strings.Contains(readme, "]("+page+")") {
			t.Errorf("README.md has no section %q linking to %s", a.Name, page)
		}
		text := readDoc(t, "../"+page)
		if !strings.HasPrefix(text, "# "+a.Name+"\n") {
			t.Errorf("%s does not start with the heading %q", page, "# "+a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if name := "`-" + a.Name + "." + f.Name + "`"; !strings.Contains(text, name) {
				t.Errorf("%s does not document the flag %s", page, name)
			}
		})
	}
}

// TestManualLinks checks that every relative link of the README and the
// pages under docs/ leads to a file of the repository and, when it names
// one, to a heading of that file.
func TestManualLinks(t *testing.T) {
	t.Parallel()
	pages, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, page := range append([]string{"../README.md"}, pages...) {
		for _, m := range link.FindAllStringSubmatch(readDoc(t, page), -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			file := page
			if path != "" {
				file = filepath.Join(filepath.Dir(page), path)
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s links to %s, which does not exist", page, target)
				continue
			}
			if anchor != "" && !headingAnchors(readDoc(t, file))[anchor] {
				t.Errorf("%s links to %s, which has no such heading", page, target)
			}
		}
	}
}

// headingAnchors returns the anchors GitHub gives the headings of a
// Markdown text: lower case, punctuation dropped, spaces as hyphens.
func headingAnchors(text string) map[string]bool {
	anchors := map[string]bool{}
	inCode := false
	for line := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		heading, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " ")
		if inCode || !ok || !strings.HasPrefix(line, "#") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			}
		}
		anchors[b.String()] = true
	}
	return anchors
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
