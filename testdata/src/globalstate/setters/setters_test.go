package setters

import (
	"flag"
	"io"
	"log"
	"math/rand"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
	"testing"
)

func TestLogOutput(t *testing.T) {
	log.SetOutput(io.Discard) // want `TestLogOutput changes a process-wide default with log.SetOutput and does not restore it, so the tests after it see the change; restore it with t.Cleanup`
}

func TestLogFlags(t *testing.T) {
	log.SetFlags(0) // want `TestLogFlags changes a process-wide default with log.SetFlags`
	log.SetPrefix("x") // want `TestLogFlags changes a process-wide default with log.SetPrefix`
}

func TestGOMAXPROCS(t *testing.T) {
	runtime.GOMAXPROCS(1) // want `TestGOMAXPROCS changes a process-wide default with runtime.GOMAXPROCS`
}

func TestGCPercent(t *testing.T) {
	debug.SetGCPercent(10) // want `TestGCPercent changes a process-wide default with debug.SetGCPercent`
}

func TestUmask(t *testing.T) {
	syscall.Umask(0o077) // want `TestUmask changes a process-wide default with syscall.Umask`
}

func TestFlagSet(t *testing.T) {
	flag.Set("v", "true") // want `TestFlagSet changes a process-wide default with flag.Set`
}

func TestSignal(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `TestSignal changes a process-wide default with signal.Notify and does not restore it, so the tests after it see the change; undo it with t.Cleanup`
}

func TestSeed(t *testing.T) {
	rand.Seed(1) // no way to read the old seed: not reported
}

func TestLogRestored(t *testing.T) {
	prev := log.Writer()
	defer log.SetOutput(prev)
	log.SetOutput(io.Discard)
}

func TestGCPercentRestored(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
}

func TestSignalStopped(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	defer signal.Stop(c)
}
