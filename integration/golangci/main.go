// Command golangci is golangci-lint with isolint's module plugin compiled
// in: the binary `golangci-lint custom` would build from .custom-gcl.yml,
// built here with plain `go build` from the module proxy (no git), so that
// the end-to-end test can run isolint inside a real golangci-lint.
//
// It lives in a module of its own so that golangci-lint's dependencies
// never enter isolint's go.mod.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"

	_ "github.com/isolint/isolint/gclplugin" // registers the "isolint" plugin
)

func main() {
	info := commands.BuildInfo{GoVersion: runtime.Version(), Version: "(isolint integration)", Commit: "?", Date: "?"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.BuildInfo = bi
		for _, dep := range bi.Deps {
			if dep.Path == "github.com/golangci/golangci-lint/v2" {
				info.Version = dep.Version + " with isolint"
			}
		}
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintln(os.Stderr, "golangci-lint:", err)
		os.Exit(1)
	}
}
