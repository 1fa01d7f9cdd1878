// Package cli is a command's entry point: it reads the command line.
package cli

import "os"

// Main runs the command named by os.Args.
func Main() {
	if len(os.Args) > 1 {
		println(os.Args[1])
	}
}
