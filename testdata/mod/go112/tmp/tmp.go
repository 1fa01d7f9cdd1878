// Package tmp has tests that write temporary files.
package tmp
