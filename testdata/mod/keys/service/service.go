// Package service is code under test that keeps accounts in a database.
package service

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

// Account is a row of the accounts table.
type Account struct {
	ID     uint   `gorm:"primaryKey"`
	Handle string `gorm:"unique"`
	Bio    string
}

// Member is a row written with database/sql; the bun and go-pg tags say
// which columns are unique.
type Member struct {
	Login string `bun:"login,unique" pg:"login,unique"`
	Name  string
}

// Service stores accounts and members.
type Service struct {
	db  *gorm.DB
	sql *sql.DB
}

// New returns a Service on the given databases.
func New(db *gorm.DB, sqlDB *sql.DB) *Service { return &Service{db: db, sql: sqlDB} }

// Open stores an account through a repository.
func (s *Service) Open(ctx context.Context, a *Account) error {
	return s.insert(ctx, a)
}

func (s *Service) insert(ctx context.Context, a *Account) error {
	return s.db.WithContext(ctx).Create(a).Error
}

// Join stores a member's fields with an INSERT.
func (s *Service) Join(ctx context.Context, m Member) error {
	_, err := s.sql.ExecContext(ctx, "INSERT INTO members (login, name) VALUES ($1, $2)", m.Login, m.Name)
	return err
}

// Taken reports whether an account's handle is taken; it writes nothing.
func (s *Service) Taken(ctx context.Context, a *Account) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Account{}).Where("handle = ?", a.Handle).Count(&n).Error
	return n > 0, err
}
