// Package cards is a registry of card brands keyed by name, which refuses
// a name it already holds: a process-wide namespace.
package cards

import (
	"fmt"
	"sync"
)

var (
	mu     sync.Mutex
	brands = map[string]int{}
)

// Register adds a brand with its number length.
func Register(name string, digits int) error {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := brands[name]; dup {
		return fmt.Errorf("cards: brand %q registered twice", name)
	}
	brands[name] = digits
	return nil
}

// MustRegister is Register that panics.
func MustRegister(name string, digits int) {
	if err := Register(name, digits); err != nil {
		panic(err)
	}
}

// Digits looks a brand up.
func Digits(name string) int {
	mu.Lock()
	defer mu.Unlock()
	return brands[name]
}

// Cache remembers values and overwrites freely: no registry.
var cache = map[string]int{}

// Remember stores v under key.
func Remember(key string, v int) { cache[key] = v }
