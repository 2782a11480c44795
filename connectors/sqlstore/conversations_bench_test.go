package sqlstore

import (
	"context"
	"fmt"
	"testing"

	"clientgate/connectors"
)

// BenchmarkConversations measures opening a ticket (a transaction with
// two inserts and an update) and listing a contact's tickets, on each
// dialect.
func BenchmarkConversations(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			s := openStore(b, d.dsn(b), Options{})
			ctx := context.Background()
			sc := connectors.Scope{ContactID: "bench"}
			b.Run("CreateTicket", func(b *testing.B) {
				for i := range b.N {
					if _, err := s.CreateTicket(ctx, sc, connectors.NewTicket{Subject: fmt.Sprint("T", i), Body: "body"}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("ListTickets20", func(b *testing.B) {
				for range b.N {
					if _, err := s.ListTickets(ctx, sc, connectors.PageRequest{Limit: 20}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
