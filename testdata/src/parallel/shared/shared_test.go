package shared

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"registry/cards"
)

func TestFixedPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

func TestAnyPort(t *testing.T) { // want `TestAnyPort does not call t.Parallel`
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

func TestDefaultMux(t *testing.T) {
	http.HandleFunc("/health", func(http.ResponseWriter, *http.Request) {})
}

func TestOwnMux(t *testing.T) { // want `TestOwnMux does not call t.Parallel`
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(http.ResponseWriter, *http.Request) {})
}

func TestFixedPath(t *testing.T) {
	if err := os.WriteFile("out.golden", nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTempPath(t *testing.T) { // want `TestTempPath does not call t.Parallel`
	if err := os.WriteFile(filepath.Join(t.TempDir(), "out"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A write through an alias of a process-wide default is a write to it.
func TestDefaultClientAlias(t *testing.T) {
	c := http.DefaultClient
	c.Timeout = 1
}

// A literal name given to a registry of another package is a fixed name in
// a process-wide namespace; a name of the test's own is not.
func TestRegistersLiteral(t *testing.T) {
	if err := cards.Register("visa", 16); err != nil {
		t.Fatal(err)
	}
}

func TestRegistersOwnName(t *testing.T) { // want `TestRegistersOwnName does not call t.Parallel`
	if err := cards.Register(t.Name(), 16); err != nil {
		t.Fatal(err)
	}
}
