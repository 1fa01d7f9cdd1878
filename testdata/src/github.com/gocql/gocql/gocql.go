// Package gocql is a stand-in for the Cassandra driver's API.
package gocql

// ClusterConfig configures a session.
type ClusterConfig struct {
	Keyspace string
}

// NewCluster returns the configuration of a cluster.
func NewCluster(hosts ...string) *ClusterConfig { return &ClusterConfig{} }

// CreateSession connects.
func (c *ClusterConfig) CreateSession() (*Session, error) { return &Session{}, nil }

// Session is a connection to a cluster.
type Session struct{}

// Query returns a query of the statement.
func (s *Session) Query(stmt string, values ...any) *Query { return &Query{} }

// Close closes the session.
func (s *Session) Close() {}

// Query is a statement to run.
type Query struct{}

// Exec runs the query.
func (q *Query) Exec() error { return nil }
