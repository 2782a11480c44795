package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"modernc.org/sqlite"
)

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

// busyWait bounds how long pingSQLite retries a busy database: the same
// as the connections' busy timeout.
const busyWait = 10 * time.Second

// pingSQLite pings db, retrying while SQLite answers SQLITE_BUSY. A new
// connection switches the file to WAL, and on a fresh file that switch
// needs a lock that SQLite does not wait for (the busy timeout does not
// apply to it), so several processes or pools opening one new database at
// once would otherwise fail with "database is locked" (the store and the
// job queue's handle at the first start, replicas in tests).
func pingSQLite(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(busyWait)
	wait := 5 * time.Millisecond
	for {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait = min(wait*2, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (any extended code).
func isBusy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqliteBusy
}
