// Package user reaches lib's effects through calls across packages.
package user

import (
	"encoding/json"
	"testing"

	"effects/lib"
)

func UseGeneric() { // want UseGeneric:"^global effects/lib.Counter$"
	lib.Generic(1)
}

func UseMethod() { // want UseMethod:"^env os.Setenv$"
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
