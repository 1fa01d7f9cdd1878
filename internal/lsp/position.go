package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// A text is a file's contents as it was analyzed, with the offsets where
// its lines start, to turn the go command's byte positions into LSP
// positions, which count UTF-16 code units.
type text struct {
	data  []byte
	lines []int // byte offset of the start of each line
}

func newText(data []byte) *text {
	t := &text{data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// offsetPosition returns the position of the byte offset off, clamped to
// the file.
func (t *text) offsetPosition(off int) Position {
	off = min(max(off, 0), len(t.data))
	// The last line that starts at or before off.
	lo, hi := 0, len(t.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if t.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return Position{Line: lo, Character: utf16Len(t.data[t.lines[lo]:off])}
}

// linePosition returns the position of a go/token line and column, both
// counted from 1, the column in bytes. A zero column is the start of the
// line.
func (t *text) linePosition(line, col int) Position {
	if line < 1 {
		return Position{}
	}
	if line > len(t.lines) {
		return t.offsetPosition(len(t.data))
	}
	start := t.lines[line-1]
	end := len(t.data)
	if line < len(t.lines) {
		end = t.lines[line] - 1
	}
	return t.offsetPosition(min(start+max(col-1, 0), end))
}

// utf16Len returns how many UTF-16 code units encode b. A byte that is not
// valid UTF-8 counts as one, as it does once decoded to U+FFFD.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// uriPath returns the cleaned path of a file URI, or "" if uri is not one.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // /C:/x on Windows
	}
	return filepath.Clean(filepath.FromSlash(p))
}
