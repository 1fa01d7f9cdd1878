// Package expand reads its mode at start, and expands any variable on
// request.
package expand

import "os"

var mode = os.Getenv("APP_MODE")

// Expand replaces $NAME in s by the environment's value: os.Getenv, handed
// on as a value, may read APP_MODE too.
func Expand(s string) string { return os.Expand(s, os.Getenv) }
