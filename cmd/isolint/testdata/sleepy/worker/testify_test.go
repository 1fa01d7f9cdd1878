package worker

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTestify(t *testing.T) {
	var w Worker
	w.Do("a")
	w.Do("b")
	time.Sleep(300 * time.Millisecond)
	require.Equal(t, 2, w.Count())
}
