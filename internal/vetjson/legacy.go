package vetjson

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Legacy takes apart what go vet before Go 1.26 writes on standard error
// when it runs a vettool. That go command gives the tool no file to write
// its output to: it prints what each package's run wrote, the tool's
// standard output and standard error together, under "# pkg" lines (and
// "# [pkg]" for a test variant), with file names that follow a space
// made relative to dir, the directory the go command ran in. Go 1.26
// instead prints the tool's output on its own standard output.
//
// Legacy returns the tool's output: the JSON objects of -json, and the
// unified diffs of -fix -diff with their file names made absolute again.
// msgs is everything else, such as type errors and the go command's own
// messages, with the "# pkg" lines of the packages they belong to, as Go
// 1.26 prints it.
func Legacy(stderr []byte, dir string) (out, msgs []byte) {
	var o, m bytes.Buffer
	var header []string // the "# pkg" lines of the current package
	printed := false    // whether header is already in msgs
	inHeader := false   // whether the previous line was a "# pkg" line
	lines := strings.SplitAfter(string(stderr), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "# ") {
			if !inHeader {
				header, printed = nil, false
			}
			header = append(header, l)
			inHeader = true
			continue
		}
		inHeader = false
		if n := jsonObject(lines[i:]); n > 0 {
			o.WriteString(strings.Join(lines[i:i+n], ""))
			i += n - 1
			continue
		}
		if n := unifiedDiff(lines[i:]); n > 0 {
			for j := i; j < i+n; j++ {
				if strings.HasPrefix(lines[j], "--- ") && j+1 < i+n && strings.HasPrefix(lines[j+1], "+++ ") {
					o.WriteString(absDiffName(lines[j], dir) + absDiffName(lines[j+1], dir))
					j++
					continue
				}
				o.WriteString(lines[j])
			}
			i += n - 1
			continue
		}
		if !printed {
			m.WriteString(strings.Join(header, ""))
			printed = true
		}
		m.WriteString(l)
	}
	return o.Bytes(), m.Bytes()
}

// jsonObject returns the number of lines of the JSON object lines start
// with, as the tool prints it ("{}", or indented and closed by "}" at the
// start of a line), or 0 if they do not start with one.
func jsonObject(lines []string) int {
	first := strings.TrimSuffix(lines[0], "\n")
	switch {
	case first == "{}":
		return 1
	case first != "{":
		return 0
	}
	for n, l := range lines {
		if strings.TrimSuffix(l, "\n") == "}" {
			if json.Valid([]byte(strings.Join(lines[:n+1], ""))) {
				return n + 1
			}
			return 0
		}
	}
	return 0
}

// unifiedDiff returns the number of lines of the unified diff lines
// start with, or 0 if they do not start with one. Every line of a diff
// starts with "--- ", "+++ ", "@@", " ", "-", "+" or "\".
func unifiedDiff(lines []string) int {
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return 0
	}
	n := 2
	for n < len(lines) && lines[n] != "" && strings.ContainsRune(" -+@\\", rune(lines[n][0])) {
		n++
	}
	return n
}

// absDiffName makes the file name of a diff's "--- name (old)" or "+++
// name (new)" line absolute, as relative to dir.
func absDiffName(l, dir string) string {
	for _, h := range [...]struct{ prefix, suffix string }{{"--- ", " (old)\n"}, {"+++ ", " (new)\n"}} {
		name, ok := strings.CutPrefix(l, h.prefix)
		if !ok {
			continue
		}
		name, ok = strings.CutSuffix(name, h.suffix)
		if !ok || filepath.IsAbs(name) || dir == "" {
			return l
		}
		return h.prefix + filepath.Join(dir, name) + h.suffix
	}
	return l
}
