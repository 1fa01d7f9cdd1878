// Package deep holds a knob that tests reach only through a helper.
package deep

// Level is written by helpers.SetDeep.
var Level int
