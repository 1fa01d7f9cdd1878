package held

import (
	"os"
	"testing"

	"registry/heldlib"
)

var shared = "/tmp/held-shared.txt"

func TestHeldPath(t *testing.T) {
	path := "/tmp/held/out.json"
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil { // want `TestHeldPath creates the fixed path "/tmp/held/out.json" \(os.WriteFile\): other runs, tests and packages that go test runs at the same time share it; use a path under t.TempDir\(\)`
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "{}" {
		t.Fatalf("read %q, %v", b, err)
	}
}

func TestHeldVarDecl(t *testing.T) {
	var dir = "work"
	if err := os.Mkdir(dir, 0o755); err != nil { // want `TestHeldVarDecl creates the fixed path "work" \(os.Mkdir\)`
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}

func TestHeldInSubtest(t *testing.T) {
	t.Run("save", func(t *testing.T) {
		p := "/tmp/held-sub.txt"
		os.WriteFile(p, nil, 0o644) // want `subtest TestHeldInSubtest/save creates the fixed path "/tmp/held-sub.txt" \(os.WriteFile\)`
		if _, err := os.Stat(p); err != nil {
			t.Fatal(err)
		}
	})
}

func TestReassigned(t *testing.T) {
	p := "/tmp/held-a.txt"
	os.WriteFile(p, nil, 0o644) // assigned again below: not reported
	p = "/tmp/held-b.txt"
	os.ReadFile(p)
}

func TestReadFirst(t *testing.T) {
	p := "/tmp/held-in.txt"
	old, _ := os.ReadFile(p) // an input the test rewrites: not reported
	os.WriteFile(p, old, 0o644)
}

func TestInLoop(t *testing.T) {
	for range 2 {
		p := "/tmp/held-loop.txt"
		os.WriteFile(p, nil, 0o644) // declared in a loop: not reported
		os.ReadFile(p)
	}
}

func TestSpelledAgain(t *testing.T) {
	p := "/tmp/held-twice.txt"
	os.WriteFile(p, nil, 0o644) // the literal spells the path again: not reported
	os.ReadFile("/tmp/held-twice.txt")
}

func TestOnlyRemoved(t *testing.T) {
	p := "/tmp/held-once.txt"
	os.WriteFile(p, nil, 0o644) // made for code that knows the path by heart: not reported
	os.Remove(p)
}

func TestPackageVar(t *testing.T) {
	os.WriteFile(shared, nil, 0o644) // want `TestPackageVar creates the fixed path "/tmp/held-shared.txt" that shared holds \(os.WriteFile\)`
	os.ReadFile(shared)
}

func TestAddressTaken(t *testing.T) {
	p := "/tmp/held-ptr.txt"
	os.WriteFile(p, nil, 0o644) // its address escapes: not reported
	set(&p)
	os.ReadFile(p)
}

func TestInClosure(t *testing.T) {
	func() {
		p := "/tmp/held-closure.txt"
		os.WriteFile(p, nil, 0o644) // declared in a function literal: not reported
		os.ReadFile(p)
	}()
}

func TestTestdata(t *testing.T) {
	p := "testdata/held.golden"
	os.WriteFile(p, nil, 0o644) // under testdata: not reported
	os.ReadFile(p)
}

func TestCreatedSometimes(t *testing.T) {
	p := "/tmp/held-cond.txt"
	if os.Getenv("UPDATE") != "" {
		os.WriteFile(p, nil, 0o644) // created only under a condition, used always: not reported
	}
	os.ReadFile(p)
}

func set(p *string) { *p = "/tmp/elsewhere" }

func save(path, v string) error { return os.WriteFile(path, []byte(v), 0o644) }

func TestHelperCreates(t *testing.T) {
	if err := save("/tmp/held-helper.txt", "x"); err != nil { // want `TestHelperCreates creates the fixed path "/tmp/held-helper.txt" \(os.WriteFile\) via helper save \(held_test.go:112\): other runs, tests and packages that go test runs at the same time share it; use a path under t.TempDir\(\)`
		t.Fatal(err)
	}
	b, err := os.ReadFile("/tmp/held-helper.txt")
	if err != nil || string(b) != "x" {
		t.Fatalf("read %q, %v", b, err)
	}
}

func TestOtherPackageCreates(t *testing.T) {
	if err := heldlib.Prepare("/tmp/held-app"); err != nil { // want `TestOtherPackageCreates creates the fixed path "/tmp/held-app" \(os.MkdirAll\) via helper Prepare`
		t.Fatal(err)
	}
	if err := heldlib.WriteConfig("/tmp/held-app/config.yaml", "a: 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := heldlib.Load("/tmp/held-app/state"); err != nil {
		t.Fatal(err)
	}
}

func TestHelperPathNotUsedAgain(t *testing.T) {
	err := save("/tmp/held-helper2.txt", "x") // the test does not use the path again: not reported
	if err != nil {
		t.Fatal(err)
	}
}

func TestHelperRemoves(t *testing.T) {
	heldlib.Remove("/tmp/held-rm.txt") // removing is not creating: not reported
	heldlib.Load("/tmp/held-rm.txt")
}

func TestHelperLoadsFirst(t *testing.T) {
	old, _ := heldlib.Load("/tmp/held-cfg.yaml") // an input the test rewrites: not reported
	heldlib.WriteConfig("/tmp/held-cfg.yaml", string(old))
}
