package drivers

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"
)

type refuse struct{}

func (refuse) Open(string) (driver.Conn, error) { return nil, errors.New("no connections") }

func TestOpen(t *testing.T) {
	sql.Register("refuse", refuse{})
	db, err := sql.Open("refuse", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Ping(); err == nil {
		t.Fatal("Ping succeeded")
	}
}
