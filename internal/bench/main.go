// Command bench compares what isolint costs with what go vet costs on the
// same packages, in one run: wall time, CPU time and peak memory, with a
// cold build cache (a fresh GOCACHE) and warm (the same cache again),
// interleaving the tools so that a change in the machine's load hits all
// of them alike. It prints medians and isolint/vet ratios of wall time,
// CPU time (user and system, of the command and every process it waited
// for) and peak RSS (of the largest of those processes), and the size of
// the effects facts of the standard library.
//
//	go run ./internal/bench [-runs 3] [-cold 1] [-sets 'std|net/http/...|./...'] [-dir DIR] [-facts=false]
//
// It builds isolint from this module first. Sets are separated by "|";
// each is run from the module root, or from DIR. A cold run of std takes
// minutes. It also runs isolint -report, whose cost it prints as a ratio
// to that of isolint.
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
	runs := flag.Int("runs", 3, "warm runs of each tool per set")
	coldRuns := flag.Int("cold", 1, "cold runs (each with a fresh build cache) of each tool per set")
	sets := flag.String("sets", "std|net/http/...|./...", "package sets, separated by |")
	facts := flag.Bool("facts", true, "also report the size of the effects facts of std")
	dir := flag.String("dir", "", "the directory to run the tools in (default: this module's root)")
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
		{"isolint -report", func(p []string) []string { return append([]string{bin, "-report"}, p...) }},
	}
	const plain, withReport = 1, 3 // isolint and isolint -report, in tools

	fmt.Printf("%-16s %-24s %-5s %9s %9s %8s %6s %6s %6s\n", "packages", "tool", "cache", "wall", "cpu", "rss MiB", "wall×", "cpu×", "rss×")
	for _, set := range strings.Split(*sets, "|") {
		pkgs := strings.Fields(set)
		caches := make([]string, len(tools))
		cold := make([][]sample, len(tools))
		warm := make([][]sample, len(tools))
		for k := range max(*coldRuns, 1) {
			for i, t := range tools {
				caches[i] = filepath.Join(tmp, fmt.Sprintf("cache-%d-%d", i, k))
				cold[i] = append(cold[i], measure(t.args(pkgs), caches[i], *dir))
			}
			if k > 0 {
				for i := range tools {
					os.RemoveAll(filepath.Join(tmp, fmt.Sprintf("cache-%d-%d", i, k-1)))
				}
			}
		}
		for range *runs {
			for i, t := range tools {
				warm[i] = append(warm[i], measure(t.args(pkgs), caches[i], *dir))
			}
		}
		vetCold := median(cold[0])
		for i, t := range tools {
			report(set, t.name, "cold", median(cold[i]), vetCold)
		}
		vetWarm := median(warm[0])
		for i, t := range tools {
			report(set, t.name, "warm", median(warm[i]), vetWarm)
		}
		fmt.Printf("%-16s isolint -report / isolint: wall %.2f cold, %.2f warm; cpu %.2f cold, %.2f warm\n", set,
			median(cold[withReport]).wall.Seconds()/median(cold[plain]).wall.Seconds(),
			median(warm[withReport]).wall.Seconds()/median(warm[plain]).wall.Seconds(),
			median(cold[withReport]).cpu.Seconds()/median(cold[plain]).cpu.Seconds(),
			median(warm[withReport]).cpu.Seconds()/median(warm[plain]).cpu.Seconds())
		for _, c := range caches {
			os.RemoveAll(c)
		}
	}
	if *facts {
		fmt.Println(factSize())
	}
}

// factSize returns what the effects package's fact-size test says of the
// standard library: packages, function facts and their gob-encoded bytes.
// It runs the test rather than repeating its code.
func factSize() string {
	out, err := exec.Command("go", "test", "-count=1", "-run=^TestFactSizeStd$", "-v", "./internal/effects").CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		if _, rest, ok := strings.Cut(line, "standard library: "); ok {
			return "effects facts of std: " + rest
		}
	}
	return fmt.Sprintf("effects facts of std: not measured (%v)\n%s", err, out)
}

// measure runs a command in dir with the given build cache and returns
// what it cost; findings make isolint exit non-zero, which is not an
// error here.
func measure(args []string, cache, dir string) sample {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
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
	fmt.Printf("%-16s %-24s %-5s %8.2fs %8.2fs %8.0f %6s %6s %6s\n", set, name, cache,
		s.wall.Seconds(), s.cpu.Seconds(), float64(s.rss)/1024,
		ratio(s.wall.Seconds(), vet.wall.Seconds()), ratio(s.cpu.Seconds(), vet.cpu.Seconds()), ratio(float64(s.rss), float64(vet.rss)))
}
