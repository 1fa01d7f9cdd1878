// Package server answers pings.
package server

import (
	"io"
	"net/http"
)

// Handler answers every request with "pong".
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "pong")
	})
}
