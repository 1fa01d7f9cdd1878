package muxfact

import (
	"net/http"
	"testing"

	"registry/routeslib"
)

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }

// Negative: the test calls code of another package that hands the default
// mux on (a fact): what it registers there may be served.
func TestRegisterForLib(t *testing.T) {
	http.HandleFunc("/lib", hello)
	_ = routeslib.ServeDefault()
}
