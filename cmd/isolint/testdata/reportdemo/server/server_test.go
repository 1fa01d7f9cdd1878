package server_test

import (
	"testing"
	"time"

	"example.com/reportdemo/server"
	"example.com/reportdemo/testutil"
)

func TestGreeting(t *testing.T) {
	testutil.SetupEnv(t)
	t.Run("alice", func(t *testing.T) {
		if server.Greeting("alice") != "hello, alice" {
			t.Fatal("alice")
		}
	})
}

func TestLang(t *testing.T) {
	t.Setenv("LANG", "C")
	if server.Greeting("") == "" {
		t.Fatal("empty")
	}
}

func TestRetry(t *testing.T) {
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	settle()
}

func TestParallelGreeting(t *testing.T) {
	t.Parallel()
	if server.Greeting("bob") != "hello, bob" {
		t.Fatal("bob")
	}
}

func settle() { time.Sleep(100 * time.Millisecond) }

func TestParallelHome(t *testing.T) {
	t.Parallel()
	testutil.SetupEnv(t)
	testutil.Wait(t, time.Second)
}
