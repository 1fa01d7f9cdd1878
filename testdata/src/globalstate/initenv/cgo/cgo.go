// Package cgo reads its mode at start, and C code reads the environment
// whenever it runs.
package cgo

// #include <stdlib.h>
import "C"

import "os"

var mode = os.Getenv("APP_MODE")

// Mode asks C's getenv, which isolint cannot follow.
func Mode() string {
	name := C.CString("APP_MODE")
	return C.GoString(C.getenv(name))
}
