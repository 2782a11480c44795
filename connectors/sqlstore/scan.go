package sqlstore

import (
	"database/sql"
	"fmt"
	"time"

	"clientgate/connectors"
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

// optMoney scans a nullable amount: NULL leaves m zero (unknown);
// anything else sets its minor units and marks it known with the
// placeholder currency "?", which the caller replaces with the item's.
type optMoney struct{ m *connectors.Money }

// Scan implements sql.Scanner.
func (o optMoney) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*o.m = connectors.Money{}
	if n.Valid {
		*o.m = connectors.Money{Minor: n.Int64, Currency: "?"}
	}
	return nil
}

// nullMoney stores an amount that may be unknown: NULL when m has no
// currency.
func nullMoney(m connectors.Money) any {
	if m.Currency == "" {
		return nil
	}
	return m.Minor
}
