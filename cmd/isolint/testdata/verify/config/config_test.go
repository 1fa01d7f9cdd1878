package config

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	if got := Parse("ab"); got != 2 {
		t.Fatalf("Parse(%q) = %d, want 2", "ab", got)
	}
}

// TestSetA and TestSetB change the setting through a method value of an
// interface, which isolint cannot follow: it offers t.Parallel() to both,
// and once both run in parallel, each sees the other's setting.
func TestSetA(t *testing.T) {
	var s Setter = Global{}
	set := s.Set
	set("a")
	hold()
	if got := Current(); got != "a" {
		t.Fatalf("Current() = %q, want %q", got, "a")
	}
}

func TestSetB(t *testing.T) {
	var s Setter = Global{}
	set := s.Set
	set("b")
	hold()
	if got := Current(); got != "b" {
		t.Fatalf("Current() = %q, want %q", got, "b")
	}
}

// hold gives the other tests 50ms to run.
func hold() {
	for deadline := time.Now().Add(50 * time.Millisecond); time.Now().Before(deadline); {
		runtime.Gosched()
	}
}

func TestMode(t *testing.T) {
	os.Setenv("VERIFY_MODE", "fast")
	if got := os.Getenv("VERIFY_MODE"); got != "fast" {
		t.Fatalf("VERIFY_MODE = %q", got)
	}
}
