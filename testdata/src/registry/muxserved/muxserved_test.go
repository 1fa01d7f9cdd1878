package muxserved

import (
	"net/http"
	"testing"
)

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }

// Negative: the package serves the default mux (Start), so Start, or
// another test, may count on the registration.
func TestRegisterForStart(t *testing.T) {
	http.HandleFunc("/start", hello)
}
