package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
)

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// TestStream checks that a frame that is not a message is answered with
// an error and skipped, that header names are case-insensitive and other
// headers ignored, and that a header that cannot be read ends the stream.
func TestStream(t *testing.T) {
	t.Parallel()
	in := frame("{not json") +
		frame(`[1, 2]`) +
		"content-length: 15\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + `{"method":"ok"}` +
		"Content-Length: x\r\n\r\n"
	var out bytes.Buffer
	s := newStream(strings.NewReader(in), &out, nil)
	var m struct {
		Method string `json:"method"`
	}
	if err := s.ReadObject(&m); err != nil || m.Method != "ok" {
		t.Fatalf("ReadObject = %+v, %v; want the message with method ok", m, err)
	}
	if err := s.ReadObject(&m); err == nil || !strings.Contains(err.Error(), `invalid Content-Length " x"`) {
		t.Errorf("ReadObject of a bad header: %v, want an error that names it", err)
	}

	// The answers: a parse error, then an invalid request, both with a
	// null ID.
	r := newStream(&out, io.Discard, nil)
	for _, want := range []int{-32700, -32600} {
		var resp struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Error   struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := r.ReadObject(&resp); err != nil {
			t.Fatalf("reading the answers: %v", err)
		}
		if resp.JSONRPC != "2.0" || string(resp.ID) != "null" || resp.Error.Code != want || resp.Error.Message == "" {
			t.Errorf("answer %+v, want a JSON-RPC 2.0 error with code %d and id null", resp, want)
		}
	}
	if err := r.ReadObject(new(any)); err != io.EOF {
		t.Errorf("after the answers: %v, want EOF", err)
	}
}

// TestStreamLimit checks that a frame too large to read is refused before
// it is read.
func TestStreamLimit(t *testing.T) {
	t.Parallel()
	s := newStream(bufio.NewReader(strings.NewReader("Content-Length: 9999999999\r\n\r\n")), io.Discard, nil)
	if err := s.ReadObject(new(any)); err == nil || !strings.Contains(err.Error(), "invalid Content-Length") {
		t.Errorf("ReadObject = %v, want an invalid Content-Length", err)
	}
}
