package sqlstore

import (
	"context"
	"testing"
)

func BenchmarkListInvoices(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			s := openStore(b, d.dsn(b), Options{})
			f := loadFixture(b, s)
			ctx := context.Background()
			for b.Loop() {
				if _, err := s.ListInvoices(ctx, scopeOf(f.alice, true), pageOf(20, "")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFindContactByEmail(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			s := openStore(b, d.dsn(b), Options{})
			loadFixture(b, s)
			ctx := context.Background()
			for b.Loop() {
				if _, err := s.FindContactByEmail(ctx, "ALICE@example.com"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
