package service

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"gorm.io/gorm"
)

var (
	gdb   *gorm.DB
	sqlDB *sql.DB
)

func TestMain(m *testing.M) {
	sqlDB, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))
	os.Exit(m.Run())
}

func TestOpen(t *testing.T) {
	s := New(gdb, sqlDB)
	if err := s.Open(context.Background(), &Account{Handle: "alice", Bio: "hi"}); err != nil { // want `"alice" is a unique key \(field Handle \(gorm:"unique"\)\) written to a store every test shares, via helper Open → insert \(service.go:40\): tests that run at the same time collide on it; randomize it per run`
		t.Fatal(err)
	}
}

func TestJoin(t *testing.T) {
	s := New(gdb, sqlDB)
	m := Member{Login: "bob", Name: "Bob"} // want `"bob" is a unique key \(field Login \(bun:"login,unique"\)\) written to a store every test shares, via helper Join \(service.go:45\)`
	if err := s.Join(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

// Negative: the method only reads with the model it is given.
func TestTaken(t *testing.T) {
	s := New(gdb, sqlDB)
	if taken, err := s.Taken(context.Background(), &Account{Handle: "carol"}); err != nil || taken {
		t.Fatal(taken, err)
	}
}
