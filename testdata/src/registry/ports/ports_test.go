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

// An http.Server the test assembles with a fixed Addr: ListenAndServe is
// a listen on Addr and Serve, so the server can serve on a listener on
// port 0 of the test's own.
func TestServerAddr(t *testing.T) {
	srv := &http.Server{Addr: ":8081", Handler: http.NotFoundHandler()}
	go srv.ListenAndServe() // want `TestServerAddr serves on the fixed address ":8081" \(\(\*http.Server\).ListenAndServe\): the port is machine-wide.*; serve on a listener on port 0 and use the address ln.Addr\(\) gives`
	defer srv.Close()
	get(t, "http://localhost:8081/")
}

func TestServerAddrRead(t *testing.T) {
	srv := http.Server{Addr: "127.0.0.1:8082", Handler: http.NotFoundHandler()}
	go func() {
		if err := srv.ListenAndServeTLS("cert.pem", "key.pem"); err != http.ErrServerClosed { // want `TestServerAddrRead serves on the fixed address "127.0.0.1:8082"`
			t.Error(err)
		}
	}()
	defer srv.Close()
	t.Log(get2(t, "https://"+srv.Addr+"/"))
}

// Not rewritten: an Addr the test assigns again, one it reads before the
// server listens, one from a variable, a server no request reaches by its
// address, and a later err := that the listen's err would leave without
// a new variable.
func TestServerAddrAssigned(t *testing.T) {
	srv := &http.Server{Addr: ":8083", Handler: http.NotFoundHandler()}
	srv.Addr = ":8084"
	go srv.ListenAndServe()
	defer srv.Close()
	get(t, "http://localhost:8084/")
}

func TestServerAddrReadBefore(t *testing.T) {
	srv := &http.Server{Addr: ":8085", Handler: http.NotFoundHandler()}
	url := "http://localhost" + srv.Addr + "/"
	go srv.ListenAndServe()
	defer srv.Close()
	get(t, url)
}

func TestServerAddrVariable(t *testing.T) {
	addr := ":8086"
	srv := &http.Server{Addr: addr, Handler: http.NotFoundHandler()}
	go srv.ListenAndServe()
	defer srv.Close()
	get(t, "http://localhost"+addr+"/")
}

func TestServerAddrUnreached(t *testing.T) {
	srv := &http.Server{Addr: ":8087", Handler: http.NotFoundHandler()}
	go srv.ListenAndServe()
	srv.Close()
}

func TestServerAddrLaterErr(t *testing.T) {
	srv := &http.Server{Addr: ":8088", Handler: http.NotFoundHandler()}
	go srv.ListenAndServe()
	defer srv.Close()
	err := get2(t, "http://localhost:8088/")
	t.Log(err)
}

func get2(t *testing.T, url string) error {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		return err
	}
	return res.Body.Close()
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
