//go:build go1.24

package shapes

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// A server the test starts in a goroutine, and requests to it after the
// sleep: the fix dials the address until it accepts a connection.

func TestServerLiteral(t *testing.T) {
	go http.ListenAndServeTLS("127.0.0.1:18080", "cert.pem", "key.pem", http.NotFoundHandler())
	time.Sleep(100 * time.Millisecond) // want `time.Sleep waits a fixed time for the server started on line 19 to listen on "127.0.0.1:18080": slow when the wait is long, flaky when it is short; poll until it accepts a connection, with a deadline`
	resp, err := http.Get("https://127.0.0.1:18080/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func TestServerField(t *testing.T) {
	addr := "127.0.0.1:18081"
	srv := &http.Server{Addr: addr, Handler: http.NotFoundHandler()}
	go func() {
		_ = srv.ListenAndServe()
	}()
	defer srv.Close()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep waits a fixed time for the server started on line 31 to listen on addr`
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// Negatives: no request to the address after the sleep, a server the
// test did not start, a sleep between requests (a rate limit).

func TestServerNoRequest(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:18082", nil)
	time.Sleep(10 * time.Millisecond)
	t.Log("started")
}

func TestRequestOtherPort(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:18083", nil)
	time.Sleep(10 * time.Millisecond)
	_, _ = http.Get("http://127.0.0.1:180830/")
}

func TestRateLimit(t *testing.T) {
	for i := 0; i < 3; i++ {
		_, _ = http.Get("http://127.0.0.1:18084/")
		time.Sleep(10 * time.Millisecond) // pace the requests
	}
}

func TestServerNotStartedHere(t *testing.T) {
	go work()
	time.Sleep(10 * time.Millisecond)
	_, _ = http.Get("http://127.0.0.1:18085/")
}

func work() {}

// A store whose getters lock to copy what they return: they only read.
type store struct {
	mu    sync.Mutex
	items []string
	reads int
}

func (s *store) add(v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

// Items returns a copy of the items.
func (s *store) Items() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.items))
	copy(out, s.items)
	return out
}

// Counted returns the items and counts the call: a getter that writes.
func (s *store) Counted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	return s.items
}

func TestGetterRead(t *testing.T) {
	s := &store{}
	go s.add("a")
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 105 before the check on line 108: slow when the wait is long, flaky when it is short; poll until the check passes, with a deadline`
	got := s.Items()
	if len(got) != 1 {
		t.Fatalf("got %v", got)
	}
}

func TestGetterWrites(t *testing.T) {
	s := &store{}
	go s.add("a")
	time.Sleep(10 * time.Millisecond)
	got := s.Counted()
	if len(got) != 1 {
		t.Fatalf("got %v", got)
	}
}

// A file the code under test writes in the background.
func TestFileRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	go os.WriteFile(p, []byte("done"), 0o600)
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 126 before the checks on lines 129-132`
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "done" {
		t.Fatalf("got %q", data)
	}
}

func TestFileStat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	go os.WriteFile(p, nil, 0o600)
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 139 before the check on line 142`
	_, err := os.Stat(p)
	if err != nil {
		t.Fatalf("not written: %v", err)
	}
}

// Negatives: a check that the file is gone, or still not there, is what
// the sleep is for; a read whose result is used after its checks.
func TestFileGone(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	go os.Remove(p)
	time.Sleep(10 * time.Millisecond)
	_, err := os.Stat(p)
	if !os.IsNotExist(err) {
		t.Fatal("still there")
	}
}

func TestReadUsedAfter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	go os.WriteFile(p, []byte("done"), 0o600)
	time.Sleep(10 * time.Millisecond)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(string(data))
}

// A helper that only sleeps, called right before a check: reported at
// the call, which the fix replaces.
func settle() { time.Sleep(20 * time.Millisecond) }

func settleT(t *testing.T) {
	t.Helper()
	time.Sleep(20 * time.Millisecond)
}

func TestSettle(t *testing.T) {
	s := &store{}
	go s.add("a")
	settle() // want `time.Sleep in helper settle \(shapes_test.go:172\) waits a fixed time for the goroutine started on line 181 before the check on line 183`
	if len(s.Items()) != 1 {
		t.Fatal("not added")
	}
}

func TestSettleT(t *testing.T) {
	s := &store{}
	go s.add("a")
	settleT(t) // want `time.Sleep in helper settleT \(shapes_test.go:176\) waits a fixed time`
	got := s.Items()
	if len(got) == 0 {
		t.Fatal("not added")
	}
}

// Negatives: a helper that does more than sleep, and a settle before a
// check that nothing happened.
func settleAndLog(t *testing.T) {
	time.Sleep(time.Millisecond)
	t.Log("settled")
}

func TestSettleMore(t *testing.T) {
	s := &store{}
	go s.add("a")
	settleAndLog(t)
	if len(s.Items()) != 1 {
		t.Fatal("not added")
	}
}

func TestSettleNothing(t *testing.T) {
	s := &store{}
	settle()
	if len(s.Items()) != 0 {
		t.Fatal("added")
	}
}

// A listener accepts connections from the moment it is made: the sleep
// after serving on it waits for nothing.
func TestServeListener(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(lis)
	defer srv.Close()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the server started on line 230, but lis accepts connections since it was made: the wait only slows the test; remove it`
	resp, err := http.Get("http://" + lis.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// Negative: the sleep is followed by no use of the listener.
func TestServeListenerNoRequest(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go http.Serve(lis, nil)
	time.Sleep(10 * time.Millisecond)
	lis.Close()
}

// The test counts what happens while it waits: a poll would stop as soon
// as the count reaches its lower bound, and the upper bound would say
// nothing.
func TestWindowCount(t *testing.T) {
	s := &store{}
	go s.add("a")
	time.Sleep(10 * time.Millisecond)
	got := s.Items()
	if len(got) == 0 {
		t.Fatal("nothing added")
	}
	n := len(got)
	if n < 1 || n > 3 {
		t.Fatalf("got %d adds, want 1 to 3", n)
	}
}

// Only a lower bound: the test waits for something to happen.
func TestWindowAtLeast(t *testing.T) {
	s := &store{}
	go s.add("a")
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 271 before the check on line 274`
	got := s.Items()
	if len(got) == 0 {
		t.Fatal("nothing added")
	}
	n := len(got)
	if n < 1 {
		t.Fatalf("got %d adds, want at least 1", n)
	}
}

// A sleep before a select that looks once whether a channel has a value,
// and fails the test when it has none: the select waits for it instead,
// with a deadline.

func TestSelectDone(t *testing.T) {
	done := make(chan error, 1)
	go func() { done <- nil }()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep waits a fixed time before the select on line 291 looks once whether done has a value: slow when the wait is long, flaky when it is short; let the select wait for it, with a deadline`
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("close: %v", err)
		}
	default:
		t.Log("still open")
		t.Fatal("not closed")
	}
}

func TestSelectInHelper(t *testing.T) {
	w := &worker{done: make(chan struct{})}
	go w.run()
	checkStopped(t, w) // want `time.Sleep in helper checkStopped \(shapes_test.go:314\) waits a fixed time before the select on line 315 looks once whether w.done has a value`
}

type worker struct{ done chan struct{} }

func (w *worker) run() { close(w.done) }

func checkStopped(t *testing.T, w *worker) {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	select {
	case <-w.done:
	default:
		t.Error("worker still running")
	}
}

// A select that expects nothing yet, a default that does not fail, and a
// select with a deadline of its own are not such checks.

func TestSelectNothingYet(t *testing.T) {
	done := make(chan struct{})
	go func() { time.Sleep(time.Second); close(done) }()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-done:
		t.Fatal("closed too early")
	default:
	}
}

func TestSelectDefaultPasses(t *testing.T) {
	done := make(chan struct{}, 1)
	go func() { done <- struct{}{} }()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-done:
		t.Log("done")
	default:
		t.Log("not yet")
	}
}

func TestSelectOwnDeadline(t *testing.T) {
	done := make(chan struct{}, 1)
	go func() { done <- struct{}{} }()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("timed out")
	}
}

// A server on a literal port that registry gives port 0 or an httptest
// server (http.ListenAndServe, an http.Server with a literal Addr): a
// copy of the old address in a dial loop would outlive that fix and wait
// for a server that is no longer there.
func TestServerRegistryFixes(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:18086", http.NotFoundHandler())
	time.Sleep(10 * time.Millisecond)
	resp, err := http.Get("http://127.0.0.1:18086/")
	if err == nil {
		resp.Body.Close()
	}
}

func TestServerAddrRegistryFixes(t *testing.T) {
	srv := &http.Server{Addr: "127.0.0.1:18087", Handler: http.NotFoundHandler()}
	go srv.ListenAndServe()
	defer srv.Close()
	time.Sleep(10 * time.Millisecond)
	resp, err := http.Get("http://127.0.0.1:18087/")
	if err == nil {
		resp.Body.Close()
	}
}

// A check after the wait, then more checks with the testing value that
// the rewrite cannot see into: the wait may be for what they check.
func TestChecksThenHelper(t *testing.T) {
	s := &store{}
	checkCount := func(want int) {
		t.Helper()
		if n := len(s.Items()); n != want {
			t.Fatalf("got %d items, want %d", n, want)
		}
	}
	go s.add("a")
	time.Sleep(10 * time.Millisecond)
	if len(s.Items()) == 0 {
		t.Fatal("nothing added")
	}
	checkCount(1)
}

func TestChecksThenHelperWithT(t *testing.T) {
	s := &store{}
	go s.add("a")
	time.Sleep(10 * time.Millisecond)
	if len(s.Items()) == 0 {
		t.Fatal("nothing added")
	}
	expectItems(t, s, 1)
}

func expectItems(t *testing.T, s *store, n int) {
	t.Helper()
	if got := len(s.Items()); got != n {
		t.Fatalf("got %d items, want %d", got, n)
	}
}
