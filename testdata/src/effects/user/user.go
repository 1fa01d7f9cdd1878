// Package user reaches lib's effects through calls across packages.
package user

import (
	"encoding/json"
	"net/http"
	"testing"

	"effects/lib"
)

func UseGeneric() { // want UseGeneric:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	lib.Generic(1)
}

func UseMethod() { // want UseMethod:"^env os.Setenv\\(K\\)$"
	var c lib.Config
	c.Apply()
}

func Helper(t *testing.T) { // want Helper:"^parallel \\(\\*testing.T\\).Parallel@0$"
	lib.ParSecond("x", t)
}

// The standard library's internal state does not travel to its callers.
func UseStd() ([]byte, error) {
	return json.Marshal(map[string]int{"a": 1})
}

// A function stored elsewhere (a handler registered on a mux) may run or
// not: its effects are the caller's, but only maybe. The registration
// itself is on the mux the caller provides.
func Register(mux *http.ServeMux) { // want Register:"^env os.Setenv\\(K\\) maybe; registerson net/http.DefaultServeMux@0$"
	mux.HandleFunc("/", serve)
}

func serve(w http.ResponseWriter, r *http.Request) { // want serve:"^env os.Setenv\\(K\\)$"
	lib.SetEnv()
}

// One handed to the testing package runs.
func RunsSubtest(t *testing.T) { // want RunsSubtest:"^deny \\(\\*testing.T\\).Setenv@-1\\(K\\)$"
	t.Run("x", setsEnv)
}

func setsEnv(t *testing.T) { t.Setenv("K", "V") } // want setsEnv:"^deny \\(\\*testing.T\\).Setenv@0\\(K\\)$"

// A registration on a mux the caller provides travels through a helper of
// another package.
func Routes(mux *http.ServeMux) { // want Routes:"^registerson net/http.DefaultServeMux@0$"
	lib.InstallOn("/api", mux)
}
