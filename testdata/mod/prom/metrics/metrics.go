// Package metrics registers collectors with the default registerer, as
// production code often does.
package metrics

import "github.com/prometheus/client_golang/prometheus"

// Register registers c with the default registerer.
func Register(c prometheus.Collector) {
	prometheus.MustRegister(c)
}
