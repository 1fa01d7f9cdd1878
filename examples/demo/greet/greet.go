// Package greet greets people in the language the configuration asks for.
package greet

import "example.com/demo/config"

// Punctuation ends every greeting.
var Punctuation = "!"

var hello = map[string]string{
	"en": "Hello",
	"fr": "Bonjour",
	"de": "Hallo",
}

// Hello greets name in lang, or in English when lang is unknown.
func Hello(lang, name string) string {
	word, ok := hello[lang]
	if !ok {
		word = hello["en"]
	}
	return word + ", " + name + Punctuation
}

// FromEnv greets name in the configured language.
func FromEnv(name string) string {
	return Hello(config.Lang(), name)
}
