// Package docs turns an analyzer's doc.go, embedded as text, into the
// analyzer's Doc string, so that `isolint help <analyzer>` and the package
// documentation say the same thing.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the part of the package comment of src that follows the
// heading "# Analyzer <name>", without the heading and without the name
// that starts its summary line. It panics if there is
// none: that is a mistake in isolint, found by its tests, never in user code.
func Extract(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("docs: doc.go of %s has no package comment", name))
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		panic(fmt.Sprintf("docs: doc.go of %s has no %q heading", name, strings.TrimSpace(heading)))
	}
	doc := strings.TrimSpace(text[i+len(heading):])
	// The summary line reads "name: summary" in the source; the driver
	// prints the name itself.
	return strings.TrimPrefix(doc, name+": ")
}
