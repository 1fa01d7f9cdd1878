package routes

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"registry/routeslib"
)

func TestInstall(t *testing.T) {
	api := &routeslib.API{Name: "a"}
	api.Install(http.DefaultServeMux) // want `TestInstall passes http.DefaultServeMux to code that registers handlers on it via helper Install \(routeslib.go:\d+\): a second run of the test \(-count=2\) registers them again and panics; pass an http.NewServeMux\(\) of the test's own`
}

func TestMountTwice(t *testing.T) {
	routeslib.Mount("/v1", &routeslib.API{Name: "v1"}, http.DefaultServeMux) // want `TestMountTwice passes http.DefaultServeMux to code that registers handlers on it via helper Mount → Install \(routeslib.go:\d+\)`
	other := http.NewServeMux()
	routeslib.Mount("/v2", &routeslib.API{Name: "v2"}, other)
	routes(http.DefaultServeMux)
}

// routes registers one more handler on the mux it is given.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})
}

// The test serves the default mux: the handlers belong there.
func TestServesDefault(t *testing.T) {
	(&routeslib.API{}).Install(http.DefaultServeMux)
	srv := httptest.NewServer(nil)
	defer srv.Close()
}

func TestServesDefaultExplicitly(t *testing.T) {
	(&routeslib.API{}).Install(http.DefaultServeMux)
	rec := httptest.NewRecorder()
	http.DefaultServeMux.ServeHTTP(rec, httptest.NewRequest("GET", "/hello", nil))
}

func TestListensOnDefault(t *testing.T) {
	(&routeslib.API{}).Install(http.DefaultServeMux)
	go http.ListenAndServe("127.0.0.1:0", nil)
}

// Code the test calls serves the default mux.
func TestServedByHelper(t *testing.T) {
	(&routeslib.API{}).Install(http.DefaultServeMux)
	srv := httptest.NewServer(routeslib.ServeDefault())
	defer srv.Close()
}

// InstallKept keeps the mux: later code may expect the default there.
func TestKept(t *testing.T) {
	routeslib.InstallKept(http.DefaultServeMux)
}

// Serve returns the mux: the test may use it as the default.
func TestServed(t *testing.T) {
	h := routeslib.Serve(&routeslib.API{}, http.DefaultServeMux)
	_ = h
}

// The test registers on the default itself.
func TestHandlesToo(t *testing.T) {
	(&routeslib.API{}).Install(http.DefaultServeMux)
	http.HandleFunc("/too", func(http.ResponseWriter, *http.Request) {}) // want `TestHandlesToo registers "/too" on http.DefaultServeMux`
}

func TestParenthesized(t *testing.T) {
	(&routeslib.API{}).Install((http.DefaultServeMux)) // want `TestParenthesized passes http.DefaultServeMux`
}

func TestOwnMux(t *testing.T) {
	(&routeslib.API{}).Install(http.NewServeMux())
}
