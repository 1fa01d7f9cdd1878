// Command bench compares what isolint costs with what go vet costs on the
// same packages, in one run: wall time, CPU time and peak memory, with a
// cold build cache (a fresh GOCACHE) and warm (the same cache again),
// interleaving the tools so that a change in the machine's load hits all
// of them alike. It prints medians and isolint/vet ratios.
//
//	go run ./internal/bench [-runs 3] [-sets 'std|net/http/... encoding/json|./...']
//
// It builds isolint from this module first. Sets are separated by "|";
// each is run from the module root.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type sample struct {
	wall, cpu time.Duration
	rss       int64 // KiB
}

type tool struct {
	name string
	args func(pkgs []string) []string // the command line, program first
}

func main() {
	runs := flag.Int("runs", 3, "warm runs of each tool per set (the cold run is one more)")
	sets := flag.String("sets", "net/http/... encoding/json|./...", "package sets, separated by |")
	flag.Parse()
	log.SetFlags(0)

	tmp, err := os.MkdirTemp("", "isolint-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "isolint")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/isolint").CombinedOutput(); err != nil {
		log.Fatalf("building isolint: %v\n%s", err, out)
	}
	tools := []tool{
		{"go vet", func(p []string) []string { return append([]string{"go", "vet"}, p...) }},
		{"isolint", func(p []string) []string { return append([]string{bin}, p...) }},
		{"go vet -vettool=isolint", func(p []string) []string { return append([]string{"go", "vet", "-vettool=" + bin}, p...) }},
	}

	fmt.Printf("%-28s %-24s %-5s %9s %9s %9s %8s %8s\n", "packages", "tool", "cache", "wall", "cpu", "rss MiB", "wall×", "rss×")
	for _, set := range strings.Split(*sets, "|") {
		pkgs := strings.Fields(set)
		caches := make([]string, len(tools))
		cold := make([]sample, len(tools))
		warm := make([][]sample, len(tools))
		for i := range tools {
			caches[i] = filepath.Join(tmp, fmt.Sprintf("cache-%d", i))
		}
		for i, t := range tools {
			cold[i] = measure(t.args(pkgs), caches[i])
		}
		for range *runs {
			for i, t := range tools {
				warm[i] = append(warm[i], measure(t.args(pkgs), caches[i]))
			}
		}
		for i, t := range tools {
			report(set, t.name, "cold", cold[i], cold[0])
		}
		vetWarm := median(warm[0])
		for i, t := range tools {
			report(set, t.name, "warm", median(warm[i]), vetWarm)
		}
		for _, c := range caches {
			os.RemoveAll(c)
		}
	}
}

// measure runs a command with the given build cache and returns what it
// cost; findings make isolint exit non-zero, which is not an error here.
func measure(args []string, cache string) sample {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "GOCACHE="+cache)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		log.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru != nil {
		s.rss = ru.Maxrss
	}
	return s
}

func median(s []sample) sample {
	if len(s) == 0 {
		return sample{}
	}
	by := func(f func(sample) int64) int64 {
		v := make([]int64, len(s))
		for i, x := range s {
			v[i] = f(x)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall: time.Duration(by(func(x sample) int64 { return int64(x.wall) })),
		cpu:  time.Duration(by(func(x sample) int64 { return int64(x.cpu) })),
		rss:  by(func(x sample) int64 { return x.rss }),
	}
}

func report(set, name, cache string, s, vet sample) {
	ratio := func(a, b float64) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2f", a/b)
	}
	fmt.Printf("%-28s %-24s %-5s %8.2fs %8.2fs %9.0f %8s %8s\n", set, name, cache,
		s.wall.Seconds(), s.cpu.Seconds(), float64(s.rss)/1024,
		ratio(s.wall.Seconds(), vet.wall.Seconds()), ratio(float64(s.rss), float64(vet.rss)))
}
