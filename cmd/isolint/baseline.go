package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// A baseline is the findings a team has accepted for now: a run with
// -baseline=FILE reports only the findings that are not in it. It is
// written as indented JSON with sorted entries, so that it diffs well
// under version control.
type baseline struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// A baselineEntry is a key and how many findings have it (several
// identical statements in one function have the same key).
type baselineEntry struct {
	key
	Count int `json:"count,omitempty"` // 0 means 1
}

const baselineVersion = 1

// newBaseline returns the baseline that accepts exactly the findings with
// the given keys.
func newBaseline(keys []key) *baseline {
	counts := make(map[key]int)
	for _, k := range keys {
		counts[k]++
	}
	b := &baseline{Version: baselineVersion, Findings: []baselineEntry{}}
	for k, n := range counts {
		e := baselineEntry{key: k}
		if n > 1 {
			e.Count = n
		}
		b.Findings = append(b.Findings, e)
	}
	b.sort()
	return b
}

func (b *baseline) sort() {
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		for _, c := range [][2]string{
			{x.Package, y.Package}, {x.Function, y.Function}, {x.Analyzer, y.Analyzer},
			{x.Message, y.Message}, {x.Code, y.Code},
		} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return false
	})
}

func readBaseline(name string) (*baseline, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w (-baseline-write creates it)", err)
	}
	var b baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("reading the baseline %s: %w", name, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("reading the baseline %s: version %d, want %d (write it again with -baseline-write)", name, b.Version, baselineVersion)
	}
	return &b, nil
}

func (b *baseline) write(name string) error {
	data, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		return err
	}
	if err := os.WriteFile(name, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing the baseline: %w", err)
	}
	return nil
}

// match splits keys, the keys of this run's findings, into the indices of
// those the baseline does not accept, which are new, and returns the
// baseline's entries that accept fewer findings than they say (all of
// them, or some of a Count), which are stale: the finding was fixed or
// changed.
func (b *baseline) match(keys []key) (fresh []int, stale []baselineEntry) {
	left := make(map[key]int)
	for _, e := range b.Findings {
		left[e.key] += max(e.Count, 1)
	}
	for i, k := range keys {
		if left[k] > 0 {
			left[k]--
			continue
		}
		fresh = append(fresh, i)
	}
	for _, e := range b.Findings {
		if n := left[e.key]; n > 0 {
			s := e
			s.Count = n
			stale = append(stale, s)
			left[e.key] = 0
		}
	}
	return fresh, stale
}

// prune returns the baseline without the stale entries, which match
// reported.
func (b *baseline) prune(stale []baselineEntry) *baseline {
	drop := make(map[key]int)
	for _, s := range stale {
		drop[s.key] += max(s.Count, 1)
	}
	out := &baseline{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, e := range b.Findings {
		n := max(e.Count, 1) - drop[e.key]
		drop[e.key] = max(drop[e.key]-max(e.Count, 1), 0)
		if n <= 0 {
			continue
		}
		e.Count = 0
		if n > 1 {
			e.Count = n
		}
		out.Findings = append(out.Findings, e)
	}
	return out
}
