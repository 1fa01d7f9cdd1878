package machine

import (
	"io/ioutil"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

func TestListen(t *testing.T) {
	ln, err := net.Listen("tcp", ":8080") // want `TestListen listens on the fixed address ":8080" \(net.Listen\): the port is machine-wide, so another run, test or package that listens on it at the same time fails; listen on port 0 and use the address ln.Addr\(\) gives`
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	conn, err := net.Dial("tcp", "localhost:8080")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

func TestListenPortNumber(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:9090") // the port also spelled as a number: not reported
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_ = 9090
}

func TestServe(t *testing.T) {
	h := http.NotFoundHandler()
	go http.ListenAndServe("127.0.0.1:8081", h) // want `TestServe serves HTTP on the fixed address "127.0.0.1:8081" \(http.ListenAndServe\): the port is machine-wide.*; use an httptest.NewServer`
	res, err := http.Get("http://127.0.0.1:8081/missing")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

func TestWriteFile(t *testing.T) {
	if err := os.WriteFile("out.txt", []byte("x"), 0o644); err != nil { // want `TestWriteFile creates the fixed path "out.txt" \(os.WriteFile\): other runs, tests and packages that go test runs at the same time share it; use a path under t.TempDir\(\)`
		t.Fatal(err)
	}
	b, err := os.ReadFile("out.txt")
	if err != nil || string(b) != "x" {
		t.Fatal(err)
	}
	defer os.Remove("out.txt")
}

func TestMkdirAll(t *testing.T) {
	if err := os.MkdirAll("/tmp/app/cache", 0o755); err != nil { // want `TestMkdirAll creates the fixed path "/tmp/app/cache" \(os.MkdirAll\)`
		t.Fatal(err)
	}
	f, err := os.OpenFile("/tmp/app/cache/entry", os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestCreateOnce(t *testing.T) {
	f, err := os.Create("single.log") // want `TestCreateOnce creates the fixed path "single.log" \(os.Create\)`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestUnixSocket(t *testing.T) {
	ln, err := net.Listen("unix", "/tmp/app.sock") // want `TestUnixSocket creates the fixed path "/tmp/app.sock" \(net.Listen\)`
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

func TestReadsFirst(t *testing.T) {
	old, _ := os.ReadFile("config.json") // an input the test rewrites: not reported
	os.WriteFile("config.json", old, 0o644)
}

func TestTestdata(t *testing.T) {
	os.WriteFile("testdata/golden.txt", nil, 0o644) // under testdata: not reported
}

func TestChdir(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("local.txt", nil, 0o644) // the working directory is the test's own: not reported
}

// The table's setup func runs in the subtest, which has made the working
// directory its own first: the relative path is the subtest's.
func TestSetupAfterChdir(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T)
		path  string
	}{
		{name: "dir", setup: func(t *testing.T) { os.Mkdir("shots.png", 0o755) }, path: "shots.png"}, // not reported
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			tc.setup(t)
			os.Stat(tc.path)
		})
	}
}

// Without the subtest's t.Chdir the setup func makes the path in the
// package directory.
func TestSetupNoChdir(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T)
		path  string
	}{
		{name: "dir", setup: func(t *testing.T) { os.Mkdir("clips.png", 0o755) }, path: "clips.png"}, // want `TestSetupNoChdir creates the fixed path "clips.png" \(os.Mkdir\)`
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.setup(t)
			os.Stat(tc.path)
		})
	}
}

func TestMkdirTemp(t *testing.T) {
	dir, err := os.MkdirTemp("", "work") // want `TestMkdirTemp makes a temporary directory with os.MkdirTemp and does not remove it on every path: it is left behind; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/f", nil, 0o644)
}

func TestIoutilTempDir(t *testing.T) {
	dir, _ := ioutil.TempDir("", "old") // want `TestIoutilTempDir makes a temporary directory with ioutil.TempDir`
	t.Log(dir)
}

func TestCreateTemp(t *testing.T) {
	f, err := os.CreateTemp("", "data-*.json") // want `TestCreateTemp makes a temporary file with os.CreateTemp and does not remove it on every path: it is left behind; create it under t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{}")
	f.Close()
	if b, err := os.ReadFile(f.Name()); err != nil || string(b) != "{}" {
		t.Fatal(err)
	}
}

// Removed on every path by the test itself: no hazard.
func TestMkdirTempRemoved(t *testing.T) {
	dir, err := os.MkdirTemp("", "work") // removed in a defer: not reported
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(dir+"/f", nil, 0o644)
}

func TestMkdirTempOnlyRemoved(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // dir has no other use: `dir := t.TempDir()` would not compile; not reported
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

func TestIoutilTempDirCleanup(t *testing.T) {
	dir, _ := ioutil.TempDir("", "old") // removed at cleanup: not reported
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Log(dir)
}

func TestCreateTempRemoved(t *testing.T) {
	f, err := os.CreateTemp("", "data-*.json") // removed in a defer: not reported
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
}

func TestCreateTempRemovedByName(t *testing.T) {
	f, err := os.CreateTemp("", "data") // removed through the name it holds: not reported
	if err != nil {
		t.Fatal(err)
	}
	name := f.Name()
	f.Close()
	defer func() {
		if err := os.Remove(name); err != nil {
			t.Log(err)
		}
	}()
}

func removeTemp(dir string) { os.RemoveAll(dir) }

func TestMkdirTempRemovedByHelper(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // a helper given the path at the end: not reported
	if err != nil {
		t.Fatal(err)
	}
	defer removeTemp(dir)
	t.Log(dir)
}

func TestMkdirTempRemovedAtEnd(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // want `TestMkdirTempRemovedAtEnd makes a temporary directory with os.MkdirTemp and does not remove it on every path`
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "f"), nil, 0o644)
	os.RemoveAll(dir) // not when the test fails before it
}

// Left open: t.TempDir() could not remove it on Windows.
func TestCreateTempReopened(t *testing.T) {
	f, err := os.CreateTemp("", "readargs") // opened again and never closed: not reported
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("args")
	f.Close()
	r, err := os.Open(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	_ = r
}

func TestCreateTempNotClosed(t *testing.T) {
	f, err := os.CreateTemp("", "x") // never closed: not reported
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x")
}

func TestCreateTempReopenedAndClosed(t *testing.T) {
	f, err := os.CreateTemp("", "x") // want `TestCreateTempReopenedAndClosed makes a temporary file with os.CreateTemp`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, err := os.Open(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
}

func openLog(path string) *os.File {
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	return f
}

func TestMkdirTempHandedToCode(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // code under test may keep a file in it open: not reported
	if err != nil {
		t.Fatal(err)
	}
	openLog(filepath.Join(dir, "log"))
}

func TestMkdirTempOnlyNamedInCheck(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // dir is used only in the check the fix deletes: not reported
	if err != nil {
		t.Fatalf("no %s: %v", dir, err)
	}
}

func TestMkdirTempInTestdata(t *testing.T) {
	dir, err := os.MkdirTemp("testdata", "x") // a directory of the test's choosing: not reported
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

func TestMkdirTempErrReused(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // err is used again: not reported
	if err != nil {
		t.Fatal(err)
	}
	err = os.RemoveAll(dir)
	if err != nil {
		t.Fatal(err)
	}
}

func TestMkdirTempErrDeclaredAgain(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // want `TestMkdirTempErrDeclaredAgain makes a temporary directory with os.MkdirTemp`
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(dir + "/f")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestMkdirTempDirDeclaredBefore(t *testing.T) {
	var dir string
	t.Log(dir)
	dir, err := os.MkdirTemp("", "x") // `dir := t.TempDir()` would declare nothing: not reported
	if err != nil {
		t.Fatal(err)
	}
	t.Log(dir)
}

func TestUnixSocketWithAVeryLongNameThatMacOSWouldNotAccept(t *testing.T) {
	ln, err := net.Listen("unix", "/tmp/app.sock") // the path under t.TempDir() could exceed 104 bytes: not reported
	if err == nil {
		ln.Close()
	}
}

func TestSocketNameFromCreateTempLongName(t *testing.T) {
	f, _ := os.CreateTemp("", "*.sock") // the same for a socket's name
	os.Remove(f.Name())
}

func TestWritesForOthers(t *testing.T) {
	os.WriteFile("app.yaml", []byte("debug: true"), 0o644) // code under test may read it by heart: not reported
	defer os.Remove("app.yaml")
}

func TestListensForOthers(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:6060") // clients may know the port by heart: not reported
	if err == nil {
		ln.Close()
	}
}

func TestListenAsksAddr(t *testing.T) {
	ln, err := net.Listen("tcp", "[::1]:6061") // want `TestListenAsksAddr listens on the fixed address "\[::1\]:6061"`
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	t.Log(ln.Addr())
}

// Code from before Go 1.16 writes with io/ioutil.
func TestIoutilWrite(t *testing.T) {
	if err := ioutil.WriteFile("/tmp/app.conf", []byte("x"), 0o644); err != nil { // want `TestIoutilWrite creates the fixed path "/tmp/app.conf" \(ioutil.WriteFile\)`
		t.Fatal(err)
	}
	b, err := ioutil.ReadFile("/tmp/app.conf")
	if err != nil || string(b) != "x" {
		t.Fatal(err)
	}
}
