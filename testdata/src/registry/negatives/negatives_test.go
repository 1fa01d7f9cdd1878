package negatives

import (
	"flag"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// A flag declared at package level in a test file is the idiomatic way to
// add a test flag.
var update = flag.Bool("update", false, "rewrite golden files")

func TestLocal(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("name", "", "")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	os.WriteFile(filepath.Join(t.TempDir(), "out"), nil, 0o644)
	os.ReadFile("testdata/in.txt")
	_ = *update
}

func listenFixed() (net.Listener, error) { return net.Listen("tcp", ":7070") }

func TestHelperListens(t *testing.T) {
	ln, err := listenFixed() // a fixed port inside a helper: the test cannot change it, not reported
	if err == nil {
		ln.Close()
	}
}

func FuzzNothing(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		os.WriteFile("fuzz.out", nil, 0o644)
	})
}

func TestIgnored(t *testing.T) {
	os.WriteFile("ignored.txt", nil, 0o644) //isolint:ignore registry the release script reads it from here
	os.ReadFile("ignored.txt")
}

var updateGolden = flag.Bool("update-golden", false, "rewrite the golden file")

// A golden file the test rewrites only when asked, and reads always: an
// input kept in the tree, not a scratch file.
func TestGoldenFile(t *testing.T) {
	want := []byte("golden\n")
	if *updateGolden {
		if err := os.WriteFile("golden.txt", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("golden.txt")
	if err != nil || string(got) != string(want) {
		t.Fatal(err)
	}
}
