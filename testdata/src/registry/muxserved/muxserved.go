// Package muxserved serves the default mux, where its tests register.
package muxserved

import "net/http"

// Start serves the handlers registered on the default mux.
func Start(addr string) error { return http.ListenAndServe(addr, nil) }
