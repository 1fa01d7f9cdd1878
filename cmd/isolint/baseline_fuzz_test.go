package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzReadBaseline checks that any file given as -baseline is read
// without a panic, and that a baseline it accepts accepts exactly its own
// findings, is not changed by pruning nothing, and is written and read
// back unchanged.
func FuzzReadBaseline(f *testing.F) {
	for _, s := range []string{
		"",
		"{}",
		"null",
		`{"version": 1, "findings": []}`,
		`{"version": 1, "findings": null}`,
		`{"version": 2, "findings": []}`,
		`{"version": 1, "findings": [{"analyzer": "parallel", "package": "example.com/demo", "function": "TestA", "message": "TestA does not call t.Parallel", "code": "a1b2"}]}`,
		`{"version": 1, "findings": [{"analyzer": "sleep", "package": "p", "message": "m", "code": "c", "count": 3}, {"analyzer": "sleep", "package": "p", "message": "m", "code": "c", "count": -2}]}`,
		`{"version": 1, "findings": [{"analyzer": "x", "unknown": true}]}`,
		`{"version": 1} trailing`,
		"{\"version\": 1, \"findings\": [{\"message\": \"\xff\xfe\"}]}",
		`[1, 2, 3]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		name := filepath.Join(dir, "baseline.json")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := readBaseline(name)
		if err != nil {
			return
		}
		var keys []key
		for _, e := range b.Findings {
			for range max(e.Count, 1) {
				keys = append(keys, e.key)
				if len(keys) > 10000 {
					return // counts this large are valid but slow to expand
				}
			}
		}
		if fresh, stale := b.match(keys); len(fresh) != 0 || len(stale) != 0 {
			t.Errorf("the baseline does not accept its own findings: %d new, stale %v", len(fresh), stale)
		}
		if got := b.prune(nil); len(got.Findings) != len(b.Findings) {
			t.Errorf("pruning nothing dropped entries: %d of %d left", len(got.Findings), len(b.Findings))
		}
		again := filepath.Join(dir, "again.json")
		if err := b.write(again); err != nil {
			t.Fatalf("writing what was read: %v", err)
		}
		c, err := readBaseline(again)
		if err != nil {
			t.Fatalf("reading what was written: %v", err)
		}
		if !reflect.DeepEqual(b, c) && !(len(b.Findings) == 0 && len(c.Findings) == 0) {
			t.Errorf("read %+v, wrote and read back %+v", b, c)
		}
	})
}
