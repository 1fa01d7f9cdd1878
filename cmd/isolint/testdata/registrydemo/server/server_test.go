package server

import (
	"io"
	"net"
	"net/http"
	"testing"
)

func TestPing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:47913")
	if err != nil {
		t.Fatal(err)
	}
	go http.Serve(ln, Handler())
	res, err := http.Get("http://127.0.0.1:47913/ping")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if b, _ := io.ReadAll(res.Body); string(b) != "pong" {
		t.Fatalf("body = %q", b)
	}
}
