package store

import (
	"context"
	"crypto/rand"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/keys/users"
)

var db *gorm.DB

func client() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}

func TestCreate(t *testing.T) {
	if err := db.Create(&User{Email: "alice@example.com", Name: "Alice"}).Error; err != nil { // want `"alice@example.com" is a unique key \(field Email \(gorm:"uniqueIndex;size:255"\)\) written to a store every test shares, by \(\*gorm.DB\).Create`
		t.Fatal(err)
	}
}

func TestCreateAndFind(t *testing.T) {
	u := User{Email: "bob@example.com"} // want `"bob@example.com" is a unique key .* in email and use it at all 2 places`
	db.Create(&u)
	var got User
	if err := db.First(&got, "email = ?", "bob@example.com").Error; err != nil {
		t.Fatal(err)
	}
}

func TestBatch(t *testing.T) {
	db.Create([]Tenant{{Slug: "acme", Title: "Acme"}, {Slug: "globex"}}) // want `"acme" is a unique key \(field Slug \(gorm:"primaryKey"\)\)` `"globex" is a unique key`
}

func TestHelper(t *testing.T) {
	if err := AddUser(db, &User{Email: "carol@example.com"}); err != nil { // want `"carol@example.com" is a unique key \(field Email .* via helper AddUser \(store.go:37\)`
		t.Fatal(err)
	}
}

func TestRedis(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Set(ctx, "greeting", "hello", 0) // want `"greeting" is a unique key \(parameter key\) written to a store every test shares, by \(redis.cmdable\).Set: .* in key and use it at all 3 places`
	if got := rdb.Get(ctx, "greeting").Val(); got != "hello" {
		t.Fatal(got)
	}
	rdb.Del(ctx, "greeting")
	rdb.Publish(ctx, "events", "created") // want `"events" is a unique key \(parameter channel\)`

	if err := SaveSession(ctx, rdb, "s-alice", 1); err != nil { // want `"s-alice" is a unique key \(parameter sessionID\) .* via helper SaveSession \(store.go:32\)`
		t.Fatal(err)
	}
	if err := users.Register(ctx, rdb, "dan@example.com"); err != nil { // want `"dan@example.com" is a unique key \(parameter email\) written to a store every test shares, via helper Register \(users.go:12\)`
		t.Fatal(err)
	}
}

// Two keys that first appear in one call, where both variables would be
// named after its parameter.
func TestRedisTwoKeys(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Del(ctx, "pair:a", "pair:b") // want `"pair:a" is a unique key \(parameter keys\) .* in key and use it at all 3 places` `"pair:b" is a unique key \(parameter keys\) .* in key2 and use it at all 3 places`
	rdb.Set(ctx, "pair:a", "1", 0)
	rdb.Set(ctx, "pair:b", "2", 0)
	if rdb.Get(ctx, "pair:a").Val() != "1" || rdb.Get(ctx, "pair:b").Val() != "2" {
		t.Fatal("lost a write")
	}
}

// Negatives.

func TestNoUniqueField(t *testing.T) {
	db.Create(&Note{Title: "hello"})
}

func TestQueryOnly(t *testing.T) {
	var u User
	db.Where(&User{Email: "dave@example.com"}).First(&u)
}

func TestRandomized(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Set(ctx, "k-"+rand.Text(), "v", 0)
	rdb.Set(ctx, t.Name(), "v", 0)
	db.Create(&User{Email: rand.Text() + "@example.com"})
}

func TestNotStored(t *testing.T) {
	u := User{Email: "erin@example.com"}
	seen := map[string]User{u.Email: u}
	if len(seen) != 1 || Valid(u) {
		t.Fatal("duplicate")
	}
}

func TestPattern(t *testing.T) {
	ctx := context.Background()
	client().Del(ctx, client().Keys(ctx, "user:*").Val()...)
}

func Valid(u User) bool { return u.Email != "" }

// A read of a fixed key collides with nothing by itself.
func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	if rdb.Exists(ctx, "feature-flags").Val() == 0 {
		t.Skip("no flags")
	}
	rdb.HGetAll(ctx, "feature-flags")
	if _, err := FindSession(ctx, rdb, "s-bob"); err != nil {
		t.Fatal(err)
	}
}

func TestExplicitID(t *testing.T) {
	db.Create(&Order{ID: 42, Total: 3}) // want `ID: 42 sets the auto-incremented primary key \(field ID \(gorm:"primaryKey"\)\) of a row written to a store every test shares, by \(\*gorm.DB\).Create: tests that run at the same time collide on it; leave ID to the database`
	o := Order{
		Total: 5,
		ID:    43, // want `ID: 43 sets the auto-incremented primary key`
	}
	db.Create(&o)
}

// Negatives: the test looks the row up by its number; the application
// assigns the key.
func TestExplicitIDUsedAgain(t *testing.T) {
	db.Create(&Order{ID: 7, Total: 3})
	var o Order
	db.First(&o, 7)
}

func TestAssignedID(t *testing.T) {
	db.Create(&Code{ID: 5, Name: "five"})
}
