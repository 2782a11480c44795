package sqlstore

import (
	"strconv"
	"strings"
	"time"
)

// dialect holds what differs between SQLite and PostgreSQL.
type dialect struct {
	name string
}

var (
	sqliteDialect   = dialect{name: "sqlite"}
	postgresDialect = dialect{name: "postgres"}
)

// sqliteTime is how SQLite columns hold times: UTC, fixed width, so that
// text order is time order.
const sqliteTime = "2006-01-02T15:04:05.000000000Z"

// rebind turns ? placeholders into $1, $2, … for PostgreSQL. Queries in
// this package never hold a literal question mark.
func (d dialect) rebind(q string) string {
	if d.name != "postgres" {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ts converts a time for a NOT NULL column.
func (d dialect) ts(t time.Time) any {
	t = t.UTC()
	if d.name == "sqlite" {
		return t.Format(sqliteTime)
	}
	return t
}

// nullTS converts a time for a nullable column: the zero time is NULL.
func (d dialect) nullTS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return d.ts(t)
}
