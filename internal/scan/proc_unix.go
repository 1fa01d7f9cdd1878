//go:build unix

package main

import "syscall"

// freeSpace returns the bytes free to an unprivileged user on the file
// system that holds dir.
func freeSpace(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
