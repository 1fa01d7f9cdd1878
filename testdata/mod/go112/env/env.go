// Package env reads its configuration from the environment.
package env

import "os"

// Verbose is the package's level of logging.
var Verbose = false

// Home returns the directory named by $APP_HOME.
func Home() string { return os.Getenv("APP_HOME") }

// Logf prints when Verbose is on.
func Logf(format string) {
	if Verbose {
		println(format)
	}
}
