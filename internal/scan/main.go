// Command scan runs isolint over code that was not written for it: the
// standard library and the modules of the local module cache. It checks
// two promises at scale.
//
// With -crash, that isolint never crashes: it runs `isolint -json` on
// `std` and on every module of the module cache that loads offline, and
// fails on a panic, an analyzer error, or an exit code that go vet itself
// does not explain (a module whose packages go vet cannot load either is
// skipped as not loadable, not failed).
//
// With -fixsafety, that a fix never breaks the build: it copies each
// candidate module (this repository's example and testdata modules, and
// the module cache's modules that have tests and type-check offline),
// applies `isolint -fix`, and checks that the changed files are
// gofmt-clean, that every package, tests included, still type-checks
// with no new go vet finding, that a second -fix changes nothing, and
// that -fix on a fresh copy writes the same bytes.
//
//	go run ./internal/scan -crash [-full] [-budget 90s] [-match substring]
//	go run ./internal/scan -fixsafety [-full] [-budget 90s] [-match substring]
//	go run ./internal/scan -fixsafety -full -from github.com/m   (the second half)
//
// Without -full, a run is a sample for CI: the module cache's modules in
// a fixed pseudo-random order, started until the time budget is spent
// (this repository's modules are always run). With
// -full, every module (and, for -crash, std) is run, with a build cache
// of the run's own that is cleared whenever less than 10 GiB of disk is
// left. Modules are run offline: GOPROXY=off, GOSUMDB=off, GOWORK=off,
// GOTOOLCHAIN=local.
// It exits 1 if any check failed. Interrupted (SIGINT, SIGTERM), it stops
// the module it is running and prints the totals so far.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/isolint/isolint/internal/procgroup"
)

// A module is a module root to run isolint in.
type module struct {
	name  string // as printed: module@version, or a path in this repository
	dir   string
	large bool // a corpus module too large for CI's time-bounded sample
}

// crashed matches what a crashing Go program or a failing analyzer
// prints.
var crashed = regexp.MustCompile(`(?m)^panic: |^fatal error: |^goroutine [0-9]+ \[|internal error`)

// offline is the environment modules are run in: nothing is fetched.
var offline = []string{"GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod -buildvcs=false"}

type config struct {
	// stop is done when the user interrupts the run: no module is
	// started after it, and the totals so far are printed.
	stop     context.Context
	bin      string // the isolint binary
	full     bool
	deadline time.Time // no module is started after it, unless full
	timeout  time.Duration
	verbose  bool
	tmp      string
	// cache is the build cache of a -full run, its own so that it can be
	// cleared when the disk fills: every copy of a module adds its
	// packages, and a full run adds tens of gigabytes.
	cache string
}

// corpusTimeout is the time limit of one run in a -corpus run.
const corpusTimeout = 20 * time.Minute

// minFree is the free disk space below which a -full run clears its build
// cache before it starts the next module.
const minFree = 10 << 30

// trimCache clears the run's own build cache when the disk it is on runs
// low, so that a module does not fail for want of space.
func (c *config) trimCache() {
	if c.cache == "" {
		return
	}
	free, ok := freeSpace(c.tmp)
	if !ok || free >= minFree {
		return
	}
	if err := os.RemoveAll(c.cache); err != nil {
		log.Printf("clearing the build cache: %v", err)
	}
	if c.verbose {
		fmt.Printf("(cleared the build cache: %d MiB were free)\n", free>>20)
	}
}

func main() {
	crash := flag.Bool("crash", false, "check that isolint does not crash on std and the module cache")
	fixsafety := flag.Bool("fixsafety", false, "check that isolint -fix keeps modules building")
	full := flag.Bool("full", false, "run every module (and std for -crash), without a time budget")
	budget := flag.Duration("budget", 90*time.Second, "time after which no module is started (without -full)")
	timeout := flag.Duration("timeout", 5*time.Minute, "time limit of one isolint run (with -corpus, 20m unless given)")
	match := flag.String("match", "", "only modules whose name contains this")
	from := flag.String("from", "", "only the module cache's modules whose name sorts at or after this, and not this repository's (to split a -full run in two)")
	verbose := flag.Bool("v", false, "print every module's outcome")
	corpus := flag.Bool("corpus", false, "run the real-world corpus: findings against the judged ledger, and -fix against the tests")
	corpusList := flag.String("modules", "internal/scan/corpus/modules.txt", "the corpus: module@version a line (-corpus)")
	ledgerFile := flag.String("ledger", "internal/scan/corpus/ledger.tsv", "the judged ledger (-corpus)")
	writeLedger := flag.Bool("writeledger", false, "rewrite the ledger with this run's findings, keeping every verdict (-corpus)")
	isolintFlags := flag.String("isolintflags", "", "flags for isolint, space-separated, e.g. -parallel (-corpus)")
	tests := flag.Bool("tests", true, "apply -fix and run the changed packages' tests before and after it (-corpus)")
	testFlags := flag.String("testflags", "-count=2 -race -shuffle=on", "go test flags, space-separated (-corpus)")
	runs := flag.Int("runs", 1, "how many times the tests run after -fix; a test that fails in any run counts (-corpus)")
	testTimeout := flag.Duration("testtimeout", 20*time.Minute, "time limit of one go test run (-corpus)")
	moduleTimeout := flag.Duration("moduletimeout", 0, "time limit of all the work on one module, 0 for none (-corpus)")
	strict := flag.Bool("strict", false, "fail the run when a test newly fails after -fix (-corpus)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("scan: ")
	if n := btoi(*crash) + btoi(*fixsafety) + btoi(*corpus); n != 1 {
		log.Fatal("give one of -crash, -fixsafety and -corpus")
	}

	tmp, err := os.MkdirTemp("", "isolint-scan")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	stop, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	cfg := &config{stop: stop, bin: filepath.Join(tmp, "isolint"), full: *full, deadline: time.Now().Add(*budget), timeout: *timeout, verbose: *verbose, tmp: tmp}
	if *full {
		cfg.cache = filepath.Join(tmp, "gocache")
	}
	if out, err := exec.Command("go", "build", "-o", cfg.bin, "./cmd/isolint").CombinedOutput(); err != nil {
		log.Fatalf("building isolint: %v\n%s", err, out)
	}
	if *corpus {
		// isolint -fix on a large module runs up to three passes over
		// it: the corpus gives one run more time unless told otherwise.
		timeoutSet := false
		flag.Visit(func(f *flag.Flag) { timeoutSet = timeoutSet || f.Name == "timeout" })
		if !timeoutSet {
			cfg.timeout = corpusTimeout
		}
		mods, err := readCorpus(*corpusList)
		if err != nil {
			log.Fatal(err)
		}
		if !*full {
			seed := time.Now().UTC().Format(time.DateOnly)
			if *match == "" {
				mods = sampleable(mods)
			}
			sampleOrder(mods, seed)
			fmt.Printf("corpus sample, in the order of %s (modules marked large left out)\n", seed)
		}
		o := corpusOptions{ledger: *ledgerFile, writeLedger: *writeLedger, isolintFlags: strings.Fields(*isolintFlags),
			tests: *tests, testFlags: strings.Fields(*testFlags), runs: max(*runs, 1), testTimeout: *testTimeout, moduleTimeout: *moduleTimeout, strict: *strict}
		if runCorpus(cfg, filter(mods, *match), o) > 0 {
			os.RemoveAll(tmp)
			os.Exit(1)
		}
		return
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		log.Fatalf("go env GOMODCACHE: %v", err)
	}
	mods, err := cacheModules(strings.TrimSpace(string(modcache)), *full)
	if err != nil {
		log.Fatal(err)
	}
	if *from != "" {
		mods = slices.DeleteFunc(mods, func(m module) bool { return m.name < *from })
	}
	var failures int
	if *crash {
		failures = runCrash(cfg, filter(mods, *match), *match == "")
	} else {
		local, err := localModules()
		if err != nil {
			log.Fatal(err)
		}
		local = filter(local, *match)
		if *from != "" {
			local = nil // the first part of a split run has them
		}
		failures = runFixSafety(cfg, append(local, filter(mods, *match)...), len(local))
	}
	if failures > 0 {
		os.RemoveAll(tmp)
		os.Exit(1)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func filter(mods []module, match string) []module {
	if match == "" {
		return mods
	}
	var out []module
	for _, m := range mods {
		if strings.Contains(m.name, match) {
			out = append(out, m)
		}
	}
	return out
}

// cacheModules returns the extracted modules of the module cache that
// have a go.mod: sorted by name for a full run, in a fixed pseudo-random
// order for a sample, so that a sample is spread over the cache.
func cacheModules(root string, full bool) ([]module, error) {
	var mods []module
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory holds no module we can run
		}
		if !d.IsDir() {
			return nil
		}
		if path == filepath.Join(root, "cache") {
			return filepath.SkipDir
		}
		if !strings.Contains(d.Name(), "@") {
			return nil
		}
		if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
			rel, _ := filepath.Rel(root, path)
			mods = append(mods, module{name: filepath.ToSlash(rel), dir: path})
		}
		return filepath.SkipDir
	})
	if err != nil {
		return nil, fmt.Errorf("listing the module cache: %w", err)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.name, b.name) })
	if !full {
		key := func(m module) uint64 {
			h := fnv.New64a()
			h.Write([]byte(m.name))
			return h.Sum64()
		}
		slices.SortStableFunc(mods, func(a, b module) int {
			ka, kb := key(a), key(b)
			switch {
			case ka < kb:
				return -1
			case ka > kb:
				return 1
			}
			return 0
		})
	}
	return mods, nil
}

// localModules returns this repository's example and testdata modules.
func localModules() ([]module, error) {
	var mods []module
	for _, pattern := range []string{"examples/*/go.mod", "testdata/mod/*/go.mod", "cmd/isolint/testdata/*/go.mod"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			dir, err := filepath.Abs(filepath.Dir(n))
			if err != nil {
				return nil, err
			}
			mods = append(mods, module{name: filepath.ToSlash(filepath.Dir(n)), dir: dir})
		}
	}
	return mods, nil
}

// more reports whether another module may be started.
func (c *config) more() bool {
	return c.stop.Err() == nil && (c.full || time.Now().Before(c.deadline))
}

// A result is what a command did.
type result struct {
	code           int // -1 if it did not run to its end
	stdout, stderr string
	timedOut       bool
}

// run runs a command in dir, offline, with the time limit of one run.
func (c *config) run(dir string, args ...string) result {
	return c.runWith(dir, offline, c.timeout, args...)
}

// runWith runs a command in dir with env added to the environment and
// the time limit given.
func (c *config) runWith(dir string, env []string, timeout time.Duration, args ...string) result {
	ctx, cancel := context.WithTimeout(c.stop, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if c.cache != "" {
		cmd.Env = append(cmd.Env, "GOCACHE="+c.cache)
	}
	procgroup.Own(cmd) // go vet's children (the analysis of each package) too
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		r.code = -1
		r.stderr += err.Error()
	}
	if ctx.Err() != nil {
		r.code, r.timedOut = -1, true
	}
	return r
}

// crash returns what in a run's output shows a crash, or "".
func (r result) crash() string {
	for _, s := range []string{r.stderr, r.stdout} {
		if loc := crashed.FindStringIndex(s); loc != nil {
			return excerpt(s[loc[0]:], 20)
		}
	}
	return ""
}

// excerpt returns the first n lines of s.
func excerpt(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.TrimRight(strings.Join(lines, ""), "\n")
}
