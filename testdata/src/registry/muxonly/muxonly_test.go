package muxonly

import (
	"net/http"
	"testing"

	"registry/routeslib"
)

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }

// Nothing in the test binary serves the default mux: the registrations
// are the test's own, and a second run registers them again and panics.
func TestRegisterOnly(t *testing.T) {
	http.HandleFunc("/only", hello) // want `TestRegisterOnly registers "/only" on http.DefaultServeMux: a second run of the test \(-count=2\) registers it again and panics; use an http.NewServeMux\(\) of the test's own`
	http.Handle("/also", http.HandlerFunc(hello))
}

// Code in another package that does not touch the default mux changes
// nothing.
func TestRegisterAndBuild(t *testing.T) {
	http.HandleFunc("/build", hello) // want `TestRegisterAndBuild registers "/build" on http.DefaultServeMux`
	_ = routeslib.Serve(&routeslib.API{Name: "x"}, http.NewServeMux())
}
