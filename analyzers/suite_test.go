package analyzers_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/internal/ignore"
)

// TestSuite checks that the analyzers are valid together and that
// //isolint:ignore knows each by name.
func TestSuite(t *testing.T) {
	t.Parallel()
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if !slices.Contains(ignore.Analyzers, a.Name) {
			t.Errorf("ignore.Analyzers lacks %s", a.Name)
		}
	}
}
