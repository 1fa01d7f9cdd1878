//go:build !unix

package main

// freeSpace is unknown where Statfs is not available.
func freeSpace(dir string) (uint64, bool) { return 0, false }
