// Package deep is imported by dep only.
package deep

// Name is a name.
const Name = "deep"
