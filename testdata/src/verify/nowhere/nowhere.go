// Package nowhere exists, but no package under test depends on it.
package nowhere

// Name is a name.
const Name = "nowhere"
