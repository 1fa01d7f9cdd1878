package ports

import (
	"io"
	"net"
	"net/http"
	"os"
	"testing"

	"parallel/server"
)

// A fixed port the test listens on itself, and reaches by the same
// literal afterwards, has a safe fix: port 0 and the listener's address.
func TestListenDirect(t *testing.T) {
	ln, err := net.Listen("tcp", "localhost:9095") // want `TestListenDirect listens on the fixed address "localhost:9095" \(net.Listen\)`
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go http.Serve(ln, http.NotFoundHandler())
	res, err := http.Get("http://localhost:9095/missing")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

// A fixed port that the code under test listens on, given as an argument
// or as its default, has no mechanical fix: the test has no listener to
// ask for the port it would get instead. parallel holds these tests back.
func TestRunFixed(t *testing.T) {
	e := &server.Engine{Handler: http.NotFoundHandler()}
	go e.Run(":5150")
	get(t, "http://localhost:5150/")
}

func TestRunDefault(t *testing.T) {
	e := &server.Engine{Handler: http.NotFoundHandler()}
	go e.Run()
	get(t, "http://localhost:8080/")
}

func TestRunTLS(t *testing.T) {
	e := &server.Engine{Handler: http.NotFoundHandler()}
	go e.RunTLS(":8449", "cert.pem", "key.pem")
}

func TestListenHelper(t *testing.T) {
	ln, err := server.Listen("127.0.0.1:7070")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_ = ln.Addr().String()
}

// An http.Server with a fixed Addr is reported by parallel only: its
// httptest replacement is no mechanical rewrite.
func TestServerAddr(t *testing.T) {
	srv := &http.Server{Addr: ":8081", Handler: http.NotFoundHandler()}
	go srv.ListenAndServe()
	defer srv.Close()
	get(t, "http://localhost:8081/")
}

// Port 0 and an address from a variable are not fixed.
func TestAnyPort(t *testing.T) {
	e := &server.Engine{Handler: http.NotFoundHandler()}
	go e.Run("127.0.0.1:0")
	ln, err := net.Listen("tcp", os.Getenv("TEST_ADDR"))
	if err == nil {
		ln.Close()
	}
}

func get(t *testing.T, url string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		return
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
}
