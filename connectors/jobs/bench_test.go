package jobs_test

import (
	"context"
	"testing"

	"clientgate/connectors/jobs"
	"clientgate/connectors/jobs/jobstest"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// BenchmarkEnqueue measures storing one job (no worker running), on each
// dialect.
func BenchmarkEnqueue(b *testing.B) {
	for name, dsn := range map[string]func(testing.TB) string{jobs.SQLite: sqlstoretest.SQLiteDSN, jobs.Postgres: sqlstoretest.PostgresDSN} {
		b.Run(name, func(b *testing.B) {
			store, err := sqlstore.Open(context.Background(), dsn(b), sqlstore.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { store.Close() })
			q, _ := jobstest.Open(b, store, jobs.Options{})
			ctx := context.Background()
			b.ResetTimer()
			for i := range b.N {
				if _, err := q.Enqueue(ctx, echoArgs{N: i}, jobs.EnqueueOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
