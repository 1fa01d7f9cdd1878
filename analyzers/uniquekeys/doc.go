// Package uniquekeys defines an Analyzer that reports literal test data
// meant to be unique that tests write to a store they all share.
//
// # Analyzer uniquekeys
//
// uniquekeys: report literal unique keys that tests write to a shared database, cache or broker
//
// Tests that talk to a real database, cache or broker share it with every
// other test, and with every other package that go test ./... runs at the
// same time. A literal e-mail address, user name, ID or key written there
// makes two runs collide: unique-constraint violations, one test reading
// rows another wrote, deadlocks. This analyzer reports a string literal in
// a test or subtest only when two independent signals agree:
//
//   - it is meant to be unique: it sets a field that an ORM keeps unique
//     (gorm primaryKey, unique or uniqueIndex; bun or go-pg pk or unique;
//     xorm pk or unique) in a model literal the test writes with
//     (*gorm.DB).Create, Save, FirstOrCreate, CreateInBatches, bun's Model
//     on an insert, xorm Insert, or passes to code under test that writes
//     that argument (the engine's facts record which parameters a function
//     writes to a store); it is bound by a placeholder ($1 or ?) to a
//     column that names an identity (email, username, id, key, slug, …) in
//     a simple single-row INSERT with a column list, or written for one in
//     the text (VALUES ('alice@example.com')); or it is passed for a
//     parameter whose name says
//     identity (email, username, login, slug, key, keys, id, uuid, topic,
//     bucket, queue, channel, stream, table, database, dbName, schema,
//     keyspace, namespace, tenant, and names such as userID or bucketName);
//   - the call reaches a shared store: it is, or through helpers in any
//     package reaches, a method of a store client (database/sql, pgx,
//     sqlx, gorm, bun, xorm, go-redis, the MongoDB driver, sarama,
//     kafka-go, franz-go, the AWS SDK v2 service clients, Google Cloud
//     Storage, the etcd client).
//
// A finding also needs a second writer that the value can meet: another
// test or subtest of the package writes the same literal to a shared
// store; or the literal is written in a parallel subtest started in a
// loop, whose iterations run at the same time; or the store enforces
// uniqueness (an SQL INSERT column, an ORM's unique field or
// auto-incremented ID, an identity passed to a helper that reaches an SQL
// database), so that the test's own rerun fails, unless the test deletes
// its rows (DELETE FROM) or the package recreates its store; or the test
// adds to the key with a command that accumulates (Incr, LPush, SAdd, …),
// compares the result with a constant, and neither deletes the key in a
// defer or t.Cleanup nor sets it first. A key that one
// non-parallel test alone writes to a store that overwrites (Redis, a
// broker) is not reported. Neither is a key written to a store the test
// makes itself in its own function: the call's receiver, or the store
// argument of a helper, is a variable of the test built by a constructor
// that names no server and is given only literals (an in-process cache),
// a client given the address of a server the test starts (a variable of a
// type the package declares), or a client closed before the write.
//
// The fix makes the value unique per run with crypto/rand.Text (Go 1.24),
// imported as crand when rand is taken (in files older than Go 1.24,
// strconv.FormatInt(time.Now().UnixNano(), 36)):
//
//	db.Create(&User{Email: "alice@example.com"})
//	    → db.Create(&User{Email: "alice-" + rand.Text() + "@example.com"})
//	rdb.Set(ctx, "session", v, 0); rdb.Get(ctx, "session")
//	    → key := "session-" + rand.Text()
//	      rdb.Set(ctx, key, v, 0); rdb.Get(ctx, key)
//
// When the value occurs more than once in the test, to read the row back
// or to compare with it, one variable holds the randomized value and
// replaces every occurrence, so that the test still finds its own data.
//
// A value written in an INSERT's text is randomized in place, the literal
// split around the random part, when no other string of the tests
// contains it.
//
// A schema object that a test creates with a fixed name (CREATE TABLE,
// TYPE, DATABASE, SCHEMA or KEYSPACE in SQL or CQL text passed to a store
// call), without IF NOT EXISTS and dropped by no string of the tests,
// makes the test's next run fail. The fix names it after t.Name(), cut to
// the characters and length an identifier allows, with a random suffix,
// and uses that name in every statement of the test that names it:
//
//	db.Exec("CREATE TABLE widgets (id int)")
//	    → table := regexp.MustCompile(`\W+`).ReplaceAllString(strings.ToLower(t.Name()), "_")
//	      table = table[:min(len(table), 30)] + "_" + strings.ToLower(rand.Text()[:8])
//	      db.Exec("CREATE TABLE " + table + " (id int)")
//
// It is not reported when any other string names the object (another
// test, a constant, a message), when a helper reaches the store from the
// test without a statement that names a table, for tables of a package
// that uses an ORM, in a database the test creates itself, or when
// TestMain recreates the store.
//
// A model literal that sets its auto-incremented integer primary key to a
// number (gorm primaryKey on an integer field, bun pk,autoincrement, xorm
// pk autoincr) collides with any test that picks the same number; the fix
// leaves the key to the database by removing the element, when the test
// spells that number nowhere else:
//
//	db.Create(&Order{ID: 42, Total: 3}) → db.Create(&Order{Total: 3})
//
// Not reported: values that are not literals (already derived from
// t.Name(), rand, uuid or time); empty strings, numbers, UUIDs, patterns
// and format strings; a value that also occurs inside another string of
// the test (a query that names it), that a LIKE or glob pattern of the
// test matches, or in a constant declaration, which a fix could not
// follow; a value that another test reads without writing it, or that a
// helper or a declaration of the test files uses; calls whose name says they only read (Get, Find, Exists,
// HGetAll); literals in maps, slices and fakes that reach no store;
// packages that import an in-process stand-in for the store or start one
// for the test (go-sqlmock, miniredis, redismock, pgxmock, mtest,
// testcontainers, dockertest, an embedded etcd), or whose build includes
// a SQLite driver (a SQLite database is a file or the process's memory);
// integer IDs the application assigns, and one whose number the test uses
// again; SQL beyond a single-row INSERT and those CREATE statements; helpers, TestMain,
// benchmarks and fuzz targets. A package whose TestMain recreates the
// store (drops tables, flushes the database) collides only with itself:
// there only a value two of its tests write is reported; a test that
// recreates its tables itself is not reported.
package uniquekeys
