// Package storetest keeps tests that use an in-memory map, no store.
package storetest

import "testing"

type memStore map[string]string

func (m memStore) Set(key, value string) { m[key] = value }

func TestMemory(t *testing.T) {
	m := memStore{}
	m.Set("greeting", "hello")
}
