// Package server is a web framework of the kind tests start in a
// goroutine: it listens on the address it is given, or on a default port.
package server

import (
	"net"
	"net/http"
	"os"
)

// Engine serves its handler.
type Engine struct{ Handler http.Handler }

// Run serves HTTP on addr, or on $PORT or :8080 when it is given none.
func (e *Engine) Run(addr ...string) error {
	address := pickAddress(addr)
	srv := &http.Server{Addr: address, Handler: e.Handler}
	return srv.ListenAndServe()
}

func pickAddress(addr []string) string {
	if len(addr) > 0 && addr[0] != "" {
		return addr[0]
	}
	if port := os.Getenv("PORT"); port != "" {
		return ":" + port
	}
	return ":8080"
}

// RunTLS serves HTTPS on addr.
func (e *Engine) RunTLS(addr, certFile, keyFile string) error {
	var srv http.Server
	srv.Addr = addr
	srv.Handler = e.Handler
	return srv.ListenAndServeTLS(certFile, keyFile)
}

// Start runs e on addr; an empty addr means the default.
func Start(e *Engine, addr string) error {
	return e.Run(addr)
}

// Listen listens on addr.
func Listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}
