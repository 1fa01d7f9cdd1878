package cards_test

import (
	"testing"

	"example.com/registrydemo/cards"
)

func TestValid(t *testing.T) {
	if err := cards.Register("visa", 16); err != nil {
		t.Fatal(err)
	}
	if !cards.Valid("visa", "4111111111111111") {
		t.Fatal("a valid number is refused")
	}
}
