// Package sleeps has tests that wait by the clock, for the census of
// time.Sleep: constant durations, one in a loop, one through a helper of
// the package, one that is not a constant.
package sleeps
