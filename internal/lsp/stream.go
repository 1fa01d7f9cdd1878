package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxFrame bounds the size of one message, so that a corrupt header
// cannot make the server allocate without limit.
const maxFrame = 256 << 20

// A stream carries JSON-RPC messages framed by a Content-Length header, as
// LSP does. Unlike the framing of the JSON-RPC module, it answers a frame
// whose body is not a JSON-RPC message with an error response and reads
// on: a client's malformed message does not end the session. A header it
// cannot read leaves no way to find the next message, and ends it.
type stream struct {
	r *bufio.Reader
	c io.Closer

	mu sync.Mutex // guards w
	w  io.Writer
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{r: bufio.NewReader(r), w: w, c: c}
}

// ReadObject reads the next message that decodes into v.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		if err != nil {
			return err
		}
		err = json.Unmarshal(body, v)
		if err == nil {
			return nil
		}
		code := int64(jsonrpc2.CodeInvalidRequest)
		if !json.Valid(body) {
			code = jsonrpc2.CodeParseError
		}
		if err := s.writeError(code, err.Error()); err != nil {
			return err
		}
	}
}

func (s *stream) readFrame() ([]byte, error) {
	length := -1
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line == "" && length < 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("reading a message header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("malformed message header %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxFrame {
				return nil, fmt.Errorf("invalid Content-Length %q", value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without a Content-Length header")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, fmt.Errorf("reading a message of %d bytes: %w", length, err)
	}
	return body, nil
}

// writeError answers a message that could not be read: its ID is unknown,
// so the response's is null.
func (s *stream) writeError(code int64, message string) error {
	return s.WriteObject(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *int            `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", nil, &jsonrpc2.Error{Code: code, Message: message}})
}

// WriteObject writes the message obj.
func (s *stream) WriteObject(obj any) error {
	body, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = s.w.Write(body)
	return err
}

// Close closes the underlying connection.
func (s *stream) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}
