package machine

import (
	"io/ioutil"
	"net"
	"net/http"
	"os"
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

func TestMkdirTemp(t *testing.T) {
	dir, err := os.MkdirTemp("", "work") // want `TestMkdirTemp makes a temporary directory with os.MkdirTemp: the test must remove it itself, and leaves it behind when it does not; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(dir+"/f", nil, 0o644)
}

func TestIoutilTempDir(t *testing.T) {
	dir, _ := ioutil.TempDir("", "old") // want `TestIoutilTempDir makes a temporary directory with ioutil.TempDir`
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Log(dir)
}

func TestCreateTemp(t *testing.T) {
	f, err := os.CreateTemp("", "data-*.json") // want `TestCreateTemp makes a temporary file with os.CreateTemp: .*; create it under t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
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
	defer os.RemoveAll(dir)
	f, err := os.Create(dir + "/f")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
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
