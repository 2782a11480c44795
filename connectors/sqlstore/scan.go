package sqlstore

import (
	"fmt"
	"time"
)

// dbTime scans a time column of either dialect: a time.Time from
// PostgreSQL, text from SQLite, or NULL (the zero time).
type dbTime struct{ t *time.Time }

// Scan implements sql.Scanner.
func (d dbTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d.t = time.Time{}
	case time.Time:
		*d.t = v.UTC()
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into a time", src)
	}
	return nil
}

func (d dbTime) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("bad stored time %q: %w", s, err)
	}
	*d.t = t.UTC()
	return nil
}

// tm returns a scanner that stores into t.
func tm(t *time.Time) dbTime { return dbTime{t} }
