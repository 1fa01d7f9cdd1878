package lsp

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestTextPositions(t *testing.T) {
	t.Parallel()
	// ü is 2 bytes and 1 UTF-16 unit, 🙂 4 bytes and 2 units; \xff is not
	// UTF-8 and counts as one unit.
	tx := newText([]byte("ab\nü🙂x\n\xffy\r\nlast"))
	for _, c := range []struct {
		off  int
		want Position
	}{
		{0, Position{0, 0}},
		{2, Position{0, 2}},  // the newline
		{3, Position{1, 0}},  // ü
		{5, Position{1, 1}},  // 🙂
		{9, Position{1, 3}},  // x
		{10, Position{1, 4}}, // the newline
		{12, Position{2, 1}}, // y
		{13, Position{2, 2}}, // \r
		{15, Position{3, 0}},
		{19, Position{3, 4}}, // the end
		{-1, Position{0, 0}},
		{100, Position{3, 4}},
	} {
		if got := tx.offsetPosition(c.off); got != c.want {
			t.Errorf("offsetPosition(%d) = %v, want %v", c.off, got, c.want)
		}
	}
	for _, c := range []struct {
		line, col int
		want      Position
	}{
		{1, 1, Position{0, 0}},
		{2, 1, Position{1, 0}},
		{2, 3, Position{1, 1}},  // 🙂, after the two bytes of ü
		{2, 7, Position{1, 3}},  // x
		{2, 99, Position{1, 4}}, // clamped to the end of the line
		{2, 0, Position{1, 0}},  // no column
		{4, 5, Position{3, 4}},
		{9, 1, Position{3, 4}}, // past the last line
		{0, 1, Position{0, 0}},
	} {
		if got := tx.linePosition(c.line, c.col); got != c.want {
			t.Errorf("linePosition(%d, %d) = %v, want %v", c.line, c.col, got, c.want)
		}
	}
}

func TestURIs(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	for _, c := range []struct{ path, uri string }{
		{"/home/a/x.go", "file:///home/a/x.go"},
		{"/home/a b/grüße.go", "file:///home/a%20b/gr%C3%BC%C3%9Fe.go"},
	} {
		if got := fileURI(c.path); got != c.uri {
			t.Errorf("fileURI(%q) = %q, want %q", c.path, got, c.uri)
		}
		if got := uriPath(c.uri); got != c.path {
			t.Errorf("uriPath(%q) = %q, want %q", c.uri, got, c.path)
		}
	}
	for _, uri := range []string{"untitled:Untitled-1", "https://example.com/x.go", "file://", "%zz"} {
		if got := uriPath(uri); got != "" {
			t.Errorf("uriPath(%q) = %q, want \"\"", uri, got)
		}
	}
	if got := uriPath("file:///home/a/../b/x.go"); got != filepath.FromSlash("/home/b/x.go") {
		t.Errorf("uriPath does not clean the path: %q", got)
	}
}
