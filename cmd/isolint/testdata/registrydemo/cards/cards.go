// Package cards keeps the card brands a payment system accepts.
package cards

import (
	"fmt"
	"sync"
)

var (
	mu     sync.Mutex
	brands = map[string]int{}
)

// Register accepts a brand with its number length; a brand is registered
// once.
func Register(name string, digits int) error {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := brands[name]; dup {
		return fmt.Errorf("cards: brand %q registered twice", name)
	}
	brands[name] = digits
	return nil
}

// Valid reports whether number is a valid number of the brand.
func Valid(brand, number string) bool {
	mu.Lock()
	defer mu.Unlock()
	n, ok := brands[brand]
	return ok && len(number) == n
}
