// Package hidden may be imported only from below globalstate.
package hidden

// Mode is written by helpers.SetHidden.
var Mode string
