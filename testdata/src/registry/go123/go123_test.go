//go:build go1.23

package go123

import (
	"expvar"
	"os"
	"testing"
)

// Before Go 1.24 there is no rand.Text for a name of the test's own: not
// reported. t.TempDir (Go 1.15) is there.
func TestOldFile(t *testing.T) {
	expvar.NewInt("hits")
	if expvar.Get("hits") == nil {
		t.Fatal("not published")
	}
	f, err := os.Create("out.log") // want `TestOldFile creates the fixed path "out.log"`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}
