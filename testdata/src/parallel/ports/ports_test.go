package ports

import (
	"net"
	"net/http"
	"testing"

	"parallel/server"
)

// A test that binds a fixed port, in any form, collides with a second run
// or another test that binds it: it is not run in parallel.

func TestRunDefault(t *testing.T) {
	e := &server.Engine{}
	go e.Run()
}

func TestRunFixed(t *testing.T) {
	e := &server.Engine{}
	go e.Run(":5150")
}

const tlsAddr = "localhost:8449"

func TestRunTLSFixed(t *testing.T) {
	e := &server.Engine{}
	go e.RunTLS(tlsAddr, "cert.pem", "key.pem")
}

func TestStartDefault(t *testing.T) {
	go server.Start(&server.Engine{}, "")
}

func TestServerLiteral(t *testing.T) {
	srv := &http.Server{Addr: ":8081"}
	go srv.ListenAndServe()
	srv.Close()
}

func TestServerField(t *testing.T) {
	var srv http.Server
	srv.Addr = "127.0.0.1:9091"
	go srv.ListenAndServe()
	srv.Close()
}

func TestListenClosed(t *testing.T) {
	ln, err := server.Listen("127.0.0.1:7070")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

func listenOn(t *testing.T, addr string) net.Listener {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

func TestHelperFixed(t *testing.T) {
	listenOn(t, "localhost:7071")
}

// Port 0, and an address the test got from a listener on port 0, are
// no fixed port.

func TestRunAnyPort(t *testing.T) { // want `TestRunAnyPort does not call t.Parallel`
	e := &server.Engine{}
	go e.Run("127.0.0.1:0")
}

func TestRunGivenAddr(t *testing.T) { // want `TestRunGivenAddr does not call t.Parallel`
	ln := listenOn(t, "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	go server.Start(&server.Engine{}, addr)
}

func TestServerAnyPort(t *testing.T) { // want `TestServerAnyPort does not call t.Parallel`
	srv := &http.Server{Addr: "127.0.0.1:0"}
	go srv.ListenAndServe()
	srv.Close()
}

func TestHelperAnyPort(t *testing.T) { // want `TestHelperAnyPort does not call t.Parallel`
	listenOn(t, "[::1]:0")
}
