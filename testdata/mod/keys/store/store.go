// Package store keeps users and tenants in a database and sessions in Redis.
package store

import (
	"context"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

// User is a row of the users table.
type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"uniqueIndex;size:255"`
	Name  string
}

// Tenant is keyed by its slug.
type Tenant struct {
	Slug  string `gorm:"primaryKey"`
	Title string
}

// Note has no unique field.
type Note struct {
	ID    uint
	Title string
}

// SaveSession stores a session under its ID.
func SaveSession(ctx context.Context, rdb *redis.Client, sessionID string, user uint) error {
	return rdb.Set(ctx, "session:"+sessionID, user, 0).Err()
}

// AddUser stores a user.
func AddUser(db *gorm.DB, u *User) error {
	return db.Create(u).Error
}

// FindSession returns the user of a session.
func FindSession(ctx context.Context, rdb *redis.Client, sessionID string) (uint64, error) {
	return rdb.Get(ctx, "session:"+sessionID).Uint64()
}

// Order has an integer key the database assigns.
type Order struct {
	ID    uint `gorm:"primaryKey"`
	Total int
}

// Code has an integer key the application assigns.
type Code struct {
	ID   uint `gorm:"primaryKey;autoIncrement:false"`
	Name string
}
