//go:build go1.24

package basic

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var ready atomic.Bool

func done() bool { return ready.Load() }

func TestPollNoDeadline(t *testing.T) {
	go ready.Store(true)
	for !ready.Load() {
		time.Sleep(10 * time.Millisecond) // want `time.Sleep polls ready.Load\(\) with no deadline: the test hangs until go test times out if it never holds; poll with a deadline that fails the test`
	}
}

func TestPollBreak(t *testing.T) {
	go ready.Store(true)
	for {
		if done() {
			break
		}
		<-time.After(time.Millisecond) // want `<-time.After polls done\(\) with no deadline`
	}
}

func TestCheckAfter(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 38 before the check on line 40: slow when the wait is long, flaky when it is short; poll until the check passes, with a deadline`
	if n.Load() != 1 {
		t.Fatalf("n = %d, want 1", n.Load())
	}
}

func TestChecksAfter(t *testing.T) {
	got := make(map[string]int)
	go func() { got["a"] = 1 }()
	time.Sleep(50 * time.Millisecond) // want `for the goroutine started on line 47 before the checks on lines 49-52: slow when the wait is long, flaky when it is short; poll until the checks pass, with a deadline`
	if len(got) == 0 {
		t.Fatal("nothing yet")
	}
	if got["a"] != 1 {
		t.Errorf("got %v", got)
	}
	t.Log("done")
}

func TestViaHelper(t *testing.T) {
	go ready.Store(true)
	waitFor(t, done) // want `time.Sleep in helper waitFor \(basic_test.go:70\) polls cond\(\) with no deadline`
}

func TestViaHelperAgain(t *testing.T) {
	waitFor(t, done) // reported once, at the first test that reaches it
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for !cond() {
		time.Sleep(time.Millisecond)
	}
}

// Negatives.

func TestSleepInGoroutine(t *testing.T) {
	ch := make(chan int)
	go func() {
		time.Sleep(time.Millisecond) // simulates work
		ch <- 1
	}()
	<-ch
}

func TestSleepInHandler(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Millisecond)
	})
	_ = h
}

func TestNothingHappened(t *testing.T) {
	var called atomic.Bool
	go func() {}()
	time.Sleep(20 * time.Millisecond)
	if called.Load() {
		t.Fatal("called")
	}
}

func TestTimeoutArm(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 1
	select {
	case <-ch:
	case <-time.After(time.Second):
		t.Fatal("timeout")
	}
}

func TestPollWithDeadline(t *testing.T) {
	deadline := time.Now().Add(time.Second)
	for !done() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}

func TestBoundedRetry(t *testing.T) {
	for i := 0; i < 10; i++ {
		if done() {
			break
		}
		time.Sleep(time.Millisecond)
	}
}

func TestSleepThenWork(t *testing.T) {
	time.Sleep(time.Millisecond)
	t.Log("nothing waited for")
}

func TestLocalNeverShared(t *testing.T) {
	x := 1
	time.Sleep(time.Millisecond)
	if x != 1 {
		t.Fatal("x")
	}
}

func TestGoroutineNamedFunc(t *testing.T) {
	go serve()
	time.Sleep(time.Millisecond)
	_, _ = http.Get("http://127.0.0.1:1")
}

func serve() {}

func TestIgnored(t *testing.T) {
	go ready.Store(true)
	for !ready.Load() {
		time.Sleep(time.Millisecond) //isolint:ignore sleep the poll is bounded by the test's own -timeout here
	}
}

func TestMain(m *testing.M) {
	time.Sleep(time.Millisecond)
	m.Run()
}

func BenchmarkSimulated(b *testing.B) {
	go ready.Store(true)
	for !ready.Load() {
		time.Sleep(time.Microsecond)
	}
}

func FuzzSleep(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		time.Sleep(time.Microsecond)
	})
}

type suite struct{}

// A suite method that a runner calls by reflection: reported where it
// sleeps.
func (suite) TestSuiteMethod(t *testing.T) {
	for !done() {
		time.Sleep(time.Millisecond) // want `time.Sleep polls done\(\) with no deadline`
	}
}

func TestCheckEachRound(t *testing.T) {
	var n atomic.Int32
	for _, want := range []int32{1, 2} {
		go n.Add(1)
		time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 186 before the check on line 188`
		if n.Load() < want {
			t.Fatalf("n = %d, want %d", n.Load(), want)
		}
	}
}

func TestRetryLoop(t *testing.T) {
	for i := 0; i < 3; i++ {
		if done() {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// Checks that nothing changed during the sleep are what it is for.
func TestNothingChanged(t *testing.T) {
	var buf strings.Builder
	size := buf.Len()
	go func() {}()
	time.Sleep(time.Millisecond)
	if size != buf.Len() {
		t.Fatal("grew")
	}
}

func TestStillEqual(t *testing.T) {
	got := []byte("a")
	go func() {}()
	time.Sleep(time.Millisecond)
	if !bytes.Equal(got, []byte("a")) {
		t.Fatal("changed")
	}
}

// A check that repeats one made before the wait checks that what held
// then still holds: waiting until it holds would check nothing.
func TestStillTheSame(t *testing.T) {
	var n atomic.Int32
	n.Add(1)
	if n.Load() != 1 {
		t.Fatal("not once")
	}
	time.Sleep(time.Millisecond)
	if n.Load() != 1 {
		t.Fatal("more than once")
	}
}

// The same check after another wait is that wait's, not the state before
// this one: each wait waits for the check after it.
func TestWaitTwice(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 241 before the check on line 243`
	if n.Load() != 1 {
		t.Fatal("first")
	}
	n.Store(0)
	go func() { n.Add(1) }()
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 247 before the check on line 249`
	if n.Load() != 1 {
		t.Fatal("second")
	}
}

// Removing the waits would leave grace declared and not used.
func TestOnlyWaitsUseIt(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	grace := time.Millisecond
	time.Sleep(grace - time.Microsecond)
	if n.Load() != 1 {
		t.Fatal("not yet")
	}
	time.Sleep(grace)
	if n.Load() != 1 {
		t.Fatal("still not")
	}
}

func TestGraceUsedElsewhere(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	grace := time.Millisecond
	time.Sleep(grace) // want `time.Sleep waits a fixed time for the goroutine started on line 271 before the check on line 274`
	if n.Load() != 1 {
		t.Fatalf("not after %v", grace)
	}
}

// confirmations records who confirmed.
type confirmations struct {
	mu   sync.Mutex
	seen map[string]bool
}

// Confirm records from and reports whether it is new: calling it again
// answers differently.
func (c *confirmations) Confirm(from string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[from] {
		return false
	}
	c.seen[from] = true
	return true
}

// Seen reports whether from confirmed.
func (c *confirmations) Seen(from string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[from]
}

// A check that changes what it checks would mean something else
// evaluated again and again.
func TestCheckChangesState(t *testing.T) {
	c := &confirmations{seen: map[string]bool{}}
	go func() {}()
	time.Sleep(time.Millisecond)
	if !c.Confirm("a") {
		t.Fatal("not new")
	}
}

func TestCheckReads(t *testing.T) {
	c := &confirmations{seen: map[string]bool{}}
	go c.Confirm("a")
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 317 before the check on line 319`
	if !c.Seen("a") {
		t.Fatal("not seen")
	}
}

// The second wait checks that what the first waited for still holds.
func TestStillAfterAnotherWait(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 327 before the check on line 329`
	if n.Load() != 1 {
		t.Fatal("not yet")
	}
	time.Sleep(time.Millisecond)
	if n.Load() != 1 {
		t.Fatal("not any more")
	}
}

// The comment says the wait is to see that nothing more happens.
func TestCommentSaysNothingMore(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	// Make sure it doesn't run twice.
	time.Sleep(time.Millisecond)
	if n.Load() != 1 {
		t.Fatalf("ran %d times", n.Load())
	}
}

func TestMessageSaysStill(t *testing.T) {
	var n atomic.Int32
	go func() { n.Add(1) }()
	time.Sleep(time.Millisecond)
	if n.Load() != 1 {
		t.Fatal("should still be one")
	}
}

type server struct{ n atomic.Int32 }

// Start serves in the background.
func (s *server) Start() { go s.n.Add(1) }

// Stop stops serving, in the background.
func (s *server) Stop() { go s.n.Add(-1) }

// A deferred call starts nothing before the wait.
func TestDeferredStart(t *testing.T) {
	var s server
	s.Start()
	defer s.Stop()
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine s.Start starts on line 369 before the check on line 372`
	if s.n.Load() != 1 {
		t.Fatal("not serving")
	}
}

type stash struct{ n atomic.Int32 }

func (s *stash) Len() int { return int(s.n.Load()) }

// fill puts n entries in s and starts its sweeper.
func fill(s *stash, n int) {
	s.n.Store(int32(n))
	go func() {}()
}

// A check that the value the test put in before the wait is still there,
// with a message that says nothing was to happen, is what the sleep is
// for: polling would pass at once.
func TestStaysFilled(t *testing.T) {
	s := &stash{}
	fill(s, 3)
	time.Sleep(time.Millisecond)
	if s.Len() != 3 {
		t.Fatalf("len = %d, want 3: no sweeper, the entries are kept", s.Len())
	}
}

// The same check with a message that does not say so waits for the
// value to come back.
func TestFilledAgain(t *testing.T) {
	s := &stash{}
	fill(s, 3)
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine fill starts on line 403 before the check on line 405`
	if s.Len() != 3 {
		t.Fatalf("len = %d, want 3", s.Len())
	}
}

// A message that says "no" about a value the test did not put in before
// the wait waits for it.
func TestNoneYet(t *testing.T) {
	s := &stash{}
	fill(s, 1)
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine fill starts on line 414 before the check on line 416`
	if s.Len() != 3 {
		t.Fatal("no entries yet")
	}
}

// A sleep at a label that goto jumps to is the pause of a loop written by
// hand, with its own deadline: not a wait to rewrite.
func TestGotoPoll(t *testing.T) {
	limit := time.Now().Add(time.Second)
	go ready.Store(true)
CHECK:
	if !done() {
		if time.Now().After(limit) {
			t.Fatal("not ready")
		}
		goto WAIT
	}
	return
WAIT:
	time.Sleep(10 * time.Millisecond)
	goto CHECK
}
