package typeerr

import (
	"testing"
	"time"
)

func TestBrokenWaits(t *testing.T) {
	time.Sleep()
	time.Sleep(1, 2)
	<-time.After()
	for !undefined() {
		time.Sleep(time.Millisecond)
	}
	go missing()
	time.Sleep(time.Millisecond)
	if unknown.Count() != 1 {
		t.Fatal("count")
	}
	var n int = "x"
	time.Sleep(n)
	if n != 1 {
		t.Fatalf("n = %d", n)
	}
}

func TestStillFine(t *testing.T) {
	done := make(chan bool)
	var got int
	go func() { got = 1; done <- true }()
	time.Sleep(time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 30 before the check on line 32`
	if got != 1 {
		t.Fatal("not yet")
	}
	<-done
}
