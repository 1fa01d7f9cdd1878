// Package vetjson reads what `go vet -json` prints when it runs isolint as
// its -vettool: for each package, for each analyzer, either the analyzer's
// diagnostics or the error it failed with.
package vetjson

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// A Tree is go vet's output merged over packages: package, then analyzer,
// then its diagnostics ([]Diagnostic) or its error ({"error": "..."}).
type Tree map[string]map[string]json.RawMessage

// A Diagnostic is one finding as go vet prints it. Positions are
// "file:line:column", with the column counted in bytes from 1.
type Diagnostic struct {
	Posn           string         `json:"posn"`
	End            string         `json:"end,omitempty"`
	Message        string         `json:"message"`
	SuggestedFixes []SuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []RelatedInfo  `json:"related,omitempty"`
}

// A SuggestedFix is a set of edits to apply together.
type SuggestedFix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// An Edit replaces the bytes [Start, End) of a file by New.
type Edit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// RelatedInfo is a secondary position of a diagnostic, such as a step of
// the helper chain that reaches a hazard.
type RelatedInfo struct {
	Posn    string `json:"posn"`
	End     string `json:"end,omitempty"`
	Message string `json:"message"`
}

// Read merges the JSON objects go vet prints, one per package.
func Read(r io.Reader) (Tree, error) {
	t := make(Tree)
	dec := json.NewDecoder(r)
	for {
		var part Tree
		if err := dec.Decode(&part); err == io.EOF {
			return t, nil
		} else if err != nil {
			return nil, err
		}
		for pkg, byAnalyzer := range part {
			if t[pkg] == nil {
				t[pkg] = make(map[string]json.RawMessage)
			}
			for a, v := range byAnalyzer {
				t[pkg][a] = v
			}
		}
	}
}

// Result returns what analyzer reported on package pkg: its diagnostics,
// or the error it failed with. An analyzer that is absent reported nothing.
func (t Tree) Result(pkg, analyzer string) (diags []Diagnostic, failure string) {
	v, ok := t[pkg][analyzer]
	if !ok {
		return nil, ""
	}
	if bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(v, &e) != nil || e.Error == "" {
			return nil, "unreadable result: " + string(v)
		}
		return nil, e.Error
	}
	if err := json.Unmarshal(v, &diags); err != nil {
		return nil, "unreadable result: " + err.Error()
	}
	return diags, ""
}

// SplitPosn splits a "file:line:column" position; a missing line or
// column is zero. The file name may itself contain colons.
func SplitPosn(p string) (file string, line, col int) {
	file = p
	var nums []int // the numbers after the file name, last first
	for len(nums) < 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil {
			break
		}
		nums = append(nums, n)
		file = file[:i]
	}
	switch len(nums) {
	case 1:
		line = nums[0]
	case 2:
		line, col = nums[1], nums[0]
	}
	return file, line, col
}
