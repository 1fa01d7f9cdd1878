// Package routeslib installs its handlers on the mux it is given.
package routeslib

import "net/http"

// An API serves a few routes.
type API struct{ Name string }

func (a *API) hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte(a.Name)) }

// Install registers the API's handlers on mux.
func (a *API) Install(mux *http.ServeMux) {
	mux.HandleFunc("/hello", a.hello)
	mux.Handle("/missing", http.NotFoundHandler())
}

// Mount installs a on mux under a prefix, when it has a mux.
func Mount(prefix string, a *API, mux *http.ServeMux) {
	if mux == nil {
		return
	}
	a.Install(mux)
}

var installed *http.ServeMux

// InstallKept keeps the mux, for handlers it adds later.
func InstallKept(mux *http.ServeMux) {
	installed = mux
	mux.HandleFunc("/kept", func(http.ResponseWriter, *http.Request) {})
}

// Serve installs the API and serves the mux itself.
func Serve(a *API, mux *http.ServeMux) http.Handler {
	a.Install(mux)
	return mux
}

// ServeDefault serves the default mux.
func ServeDefault() http.Handler {
	return http.DefaultServeMux
}
