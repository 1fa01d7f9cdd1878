package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/internal/lsp"
)

// serveLSP runs `isolint lsp [-debounce=duration] [analyzer flags]`: a
// language server on standard input and output. Further flags are passed
// to go vet, as the standalone command passes them.
func serveLSP(args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint lsp: %v\n", err)
		return 1
	}
	opts := lsp.Options{Vettool: self, Analyzers: analyzers.All()}
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "-debounce="); ok {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				fmt.Fprintf(os.Stderr, "isolint lsp: invalid -debounce %q: a positive duration such as 100ms\n", v)
				return 2
			}
			opts.Debounce = d
			continue
		}
		opts.VetFlags = append(opts.VetFlags, a)
	}
	return lsp.Run(context.Background(), os.Stdin, os.Stdout, os.Stderr, opts)
}
