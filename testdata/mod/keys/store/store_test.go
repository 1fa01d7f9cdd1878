package store

import (
	"context"
	"crypto/rand"
	"net"
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
	rdb.Publish(ctx, "events", "created") // only this test uses the channel: nobody else hears it

	rdb.Set(ctx, "pipelined", "2", 0) // want `"pipelined" is a unique key \(parameter key\)`

	if err := SaveSession(ctx, rdb, "s-alice", 1); err != nil { // want `"s-alice" is a unique key \(parameter sessionID\) .* via helper SaveSession \(store.go:32\)`
		t.Fatal(err)
	}
	if err := users.Register(ctx, rdb, "dan@example.com"); err != nil { // want `"dan@example.com" is a unique key \(parameter email\) written to a store every test shares, via helper Register \(users.go:12\)`
		t.Fatal(err)
	}
}

// A second test writes the keys of TestRedis: the two meet on them.
func TestRedisAgain(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Set(ctx, "greeting", "hi", 0) // want `"greeting" is a unique key \(parameter key\)`

	// A pipeline of the shared client writes to the shared server.
	pipe := rdb.Pipeline()
	pipe.Set(ctx, "pipelined", "1", 0) // want `"pipelined" is a unique key \(parameter key\)`
	pipe.Exec(ctx)

	_ = SaveSession(ctx, rdb, "s-alice", 2) // want `"s-alice" is a unique key \(parameter sessionID\)`

	if err := users.Register(ctx, rdb, "dan@example.com"); err != nil { // want `"dan@example.com" is a unique key \(parameter email\)`
		t.Fatal(err)
	}
}

// Two keys that first appear in one call, where both variables would be
// named after its parameter, in parallel subtests of a table loop: the
// iterations run at the same time and write the same keys.
func TestRedisTwoKeys(t *testing.T) {
	for _, v := range []string{"1", "2"} {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			rdb := client()
			rdb.Del(ctx, "pair:a", "pair:b") // want `"pair:a" is a unique key \(parameter keys\) .* in key and use it at all 3 places` `"pair:b" is a unique key \(parameter keys\) .* in key2 and use it at all 3 places`
			rdb.Set(ctx, "pair:a", v, 0)
			rdb.Set(ctx, "pair:b", v, 0)
			if rdb.Get(ctx, "pair:a").Val() != v || rdb.Get(ctx, "pair:b").Val() != v {
				t.Fatal("lost a write")
			}
		})
	}
}

// Negatives: a key that one non-parallel test alone writes meets nothing
// but a second go test process on the same server; the table loop's
// subtests run one after the other.
func TestRedisAlone(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Set(ctx, "alone", "v", 0)
	for _, v := range []string{"1", "2"} {
		t.Run(v, func(t *testing.T) {
			rdb.Set(ctx, "sequential", v, 0)
		})
	}
}

// Negative: the client is closed, the write fails and writes nothing.
func TestRedisClosed(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	rdb.Close()
	if err := rdb.Set(ctx, "greeting", "x", 0).Err(); err != redis.ErrClosed {
		t.Fatal(err)
	}
}

// fakeServer is a server the test starts for itself.
type fakeServer struct{ ln net.Listener }

func startServer(t *testing.T) *fakeServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return &fakeServer{ln: ln}
}

func (s *fakeServer) addr() string { return s.ln.Addr().String() }

// Negative: the client talks to the test's own server, which no other
// test shares.
func TestRedisOwnServer(t *testing.T) {
	ctx := context.Background()
	srv := startServer(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.addr()})
	rdb.Set(ctx, "greeting", "x", 0)
	_ = SaveSession(ctx, rdb, "s-alice", 3)
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

// Negative: the cache lives in the test's process, made by the test.
func TestLocalCache(t *testing.T) {
	cache := redis.NewLocalCache(redis.CacheConfig{MaxEntries: 16})
	cache.Reserve("greeting", []string{"rk"})
}

// A count on a key that no other test writes holds only on a server where
// the key did not exist: a run that failed before its last line, or
// another go test process using the key, makes the next run fail.
func TestRedisCount(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	n := rdb.Incr(ctx, "visits") // want `"visits" is a unique key \(parameter key\) written to a store every test shares, by \(redis.cmdable\).Incr: .* in key and use it at all 2 places`
	if n.Val() != 1 {
		t.Fatalf("count = %d", n.Val())
	}
	if got, err := rdb.LPush(ctx, "queue", "a").Result(); err != nil || got != 1 { // want `"queue" is a unique key \(parameter key\)`
		t.Fatalf("length = %d, %v", got, err)
	}
	rdb.Del(ctx, "visits")
}

// Negatives: a count whose key a defer deletes on every path, a count
// nobody compares, counts compared only with each other, a count that
// starts from a value the test sets, and a key set rather than added to.
func TestRedisCountDeleted(t *testing.T) {
	ctx := context.Background()
	rdb := client()
	defer rdb.Del(ctx, "hits")
	if got := rdb.Incr(ctx, "hits").Val(); got != 1 {
		t.Fatal(got)
	}
	rdb.Incr(ctx, "ignored")
	a := rdb.Incr(ctx, "relative").Val()
	b := rdb.Incr(ctx, "relative").Val()
	if b != a+1 {
		t.Fatal(a, b)
	}
	rdb.Set(ctx, "reset", 0, 0)
	if rdb.Incr(ctx, "reset").Val() != 1 {
		t.Fatal("not counted")
	}
	if rdb.Set(ctx, "plain", "v", 0).Val() != "OK" {
		t.Fatal("not set")
	}
}
