// Package users registers users in Redis.
package users

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Register stores a user under its e-mail address.
func Register(ctx context.Context, rdb *redis.Client, email string) error {
	return rdb.Set(ctx, "user:"+email, 1, 0).Err()
}
