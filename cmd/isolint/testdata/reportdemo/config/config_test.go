package config

import (
	"strings"
	"testing"
	"time"

	"example.com/reportdemo/testutil"
)

func TestPath(t *testing.T) {
	home := testutil.SetupEnv(t)
	if !strings.HasPrefix(Path(), home) {
		t.Fatal(Path())
	}
}

func TestPathName(t *testing.T) {
	testutil.SetupEnv(t)
	if !strings.HasSuffix(Path(), ".demo") {
		t.Fatal(Path())
	}
}

func TestShortTimeout(t *testing.T) {
	Timeout = time.Millisecond
	if Timeout > time.Second {
		t.Fatal(Timeout)
	}
}

func TestTimeout(t *testing.T) {
	if Timeout <= 0 {
		t.Fatal(Timeout)
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct{ name, in string }{{"empty", ""}, {"word", "a"}} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Join([]string{tc.in}, "") != tc.in {
				t.Fatal(tc.in)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	if len(strings.Split("a,b", ",")) != 2 {
		t.Fatal("split")
	}
}

func TestEmpty(t *testing.T) {}
