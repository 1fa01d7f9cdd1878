package twoenv

import "fmt"

// Describe reads the variables configure writes.
func Describe() string { return fmt.Sprint(mode, level) }
