package expvars

import (
	"expvar"
	"testing"
)

func TestHits(t *testing.T) {
	hits := expvar.NewInt("hits")
	hits.Add(2)
	if got := expvar.Get("hits").String(); got != "2" {
		t.Fatalf("hits = %s", got)
	}
}
