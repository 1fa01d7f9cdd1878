package pkgpath

import (
	"os"
	"testing"
)

// Paths the package's tests hold in names of their own.
const dbFile = "/tmp/pkgpath-test.db"

var outFile = "/tmp/pkgpath-out.json"

// Each test that uses dbFile creates it first: each gets a path of its
// own, under a variable of the same name.
func TestDB(t *testing.T) {
	if err := os.WriteFile(dbFile, []byte("x"), 0o644); err != nil { // want `TestDB creates the fixed path "/tmp/pkgpath-test.db" that dbFile holds \(os.WriteFile\)`
		t.Fatal(err)
	}
	data, err := os.ReadFile(dbFile)
	if err != nil || string(data) != "x" {
		t.Fatal(string(data), err)
	}
}

func TestDBAgain(t *testing.T) {
	f, err := os.Create(dbFile) // want `TestDBAgain creates the fixed path "/tmp/pkgpath-test.db" that dbFile holds \(os.Create\)`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := os.Stat(dbFile); err != nil {
		t.Fatal(err)
	}
}

// A variable, declared with a literal and never assigned, is the same.
func TestOut(t *testing.T) {
	if err := os.WriteFile(outFile, []byte("{}"), 0o644); err != nil { // want `TestOut creates the fixed path "/tmp/pkgpath-out.json" that outFile holds \(os.WriteFile\)`
		t.Fatal(err)
	}
	defer os.Remove(outFile)
	if _, err := os.ReadFile(outFile); err != nil {
		t.Fatal(err)
	}
}

// One test writes the input another reads: a path of its own would leave
// the reader without it.
const sharedInput = "/tmp/pkgpath-in.txt"

func TestWriteInput(t *testing.T) {
	if err := os.WriteFile(sharedInput, []byte("in"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sharedInput); err != nil {
		t.Fatal(err)
	}
}

func TestReadInput(t *testing.T) {
	if _, err := os.ReadFile(sharedInput); err != nil {
		t.Skip(err)
	}
}

// A helper uses the name too: it would keep the fixed path.
const helperPath = "/tmp/pkgpath-helper.txt"

func read(t *testing.T) string {
	data, err := os.ReadFile(helperPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestHelper(t *testing.T) {
	if err := os.WriteFile(helperPath, []byte("h"), 0o644); err != nil {
		t.Fatal(err)
	}
	if read(t) != "h" || helperPath == "" {
		t.Fatal("read")
	}
}

// A variable assigned again holds no one path.
var reassigned = "/tmp/pkgpath-re.txt"

func TestReassigned(t *testing.T) {
	reassigned = "/tmp/pkgpath-re2.txt"
	if err := os.WriteFile(reassigned, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(reassigned); err != nil {
		t.Fatal(err)
	}
}

// Created and never used again: the code under test may know it by
// heart.
const once = "/tmp/pkgpath-once.txt"

func TestOnce(t *testing.T) {
	os.WriteFile(once, nil, 0o644)
}
