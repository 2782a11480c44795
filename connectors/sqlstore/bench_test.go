package sqlstore

import (
	"context"
	"fmt"
	"testing"

	"clientgate/connectors/bridge"
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

// benchStores runs f on a fresh store with the fixture for every dialect,
// once serially and once from parallel goroutines.
func benchStores(b *testing.B, f func(b *testing.B, s *Store, fx fixture) func(context.Context) error) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			s := openStore(b, d.dsn(b), Options{})
			op := f(b, s, loadFixture(b, s))
			ctx := context.Background()
			b.Run("serial", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := op(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("parallel", func(b *testing.B) {
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if err := op(ctx); err != nil {
							b.Error(err)
							return
						}
					}
				})
			})
		})
	}
}

func BenchmarkLinkFor(b *testing.B) {
	benchStores(b, func(b *testing.B, s *Store, fx fixture) func(context.Context) error {
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "alice"}
		err := s.SaveLink(context.Background(), bridge.Link{Identity: id, ContactID: fx.alice, Email: "alice@example.com", Via: "email"})
		if err != nil {
			b.Fatal(err)
		}
		return func(ctx context.Context) error {
			l, err := s.LinkFor(ctx, id)
			if err == nil && l.ContactID != fx.alice {
				err = fmt.Errorf("LinkFor = %q, want %q", l.ContactID, fx.alice)
			}
			return err
		}
	})
}

func BenchmarkContactSettings(b *testing.B) {
	benchStores(b, func(b *testing.B, s *Store, fx fixture) func(context.Context) error {
		err := s.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: fx.alice, Modules: map[string]bool{"quotes": false}})
		if err != nil {
			b.Fatal(err)
		}
		return func(ctx context.Context) error {
			cs, err := s.ContactSettings(ctx, fx.alice)
			if err == nil && cs.Modules["quotes"] {
				err = fmt.Errorf("ContactSettings modules = %v, want quotes off", cs.Modules)
			}
			return err
		}
	})
}

func BenchmarkGetContact(b *testing.B) {
	benchStores(b, func(b *testing.B, s *Store, fx fixture) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := s.GetContact(ctx, fx.alice)
			return err
		}
	})
}
