package sqlstore

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestDecideQuote(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		when := time.Date(2025, 2, 1, 10, 0, 0, 0, time.UTC)
		d := connectors.Decision{Accept: true, By: "alice@example.com", IP: "203.0.113.9", At: when}
		q, changed, err := s.DecideQuote(ctx, scopeOf(f.alice, false), f.sentQuote, d)
		if err != nil || !changed || q.Status != connectors.QuoteAccepted || !q.DecidedAt.Equal(when) {
			t.Fatalf("accept = %+v, %v, %v", q, changed, err)
		}
		if by, ip, err := s.QuoteDecision(ctx, f.sentQuote); err != nil || by != d.By || ip != d.IP {
			t.Errorf("decision recorded as %q, %q, %v", by, ip, err)
		}
		q, changed, err = s.DecideQuote(ctx, scopeOf(f.alice, false), f.sentQuote, connectors.Decision{Accept: true, By: "other", At: when.Add(time.Hour)})
		if err != nil || changed || !q.DecidedAt.Equal(when) {
			t.Errorf("accept again = %+v, %v, %v; want unchanged", q, changed, err)
		}
		if by, _, _ := s.QuoteDecision(ctx, f.sentQuote); by != d.By {
			t.Errorf("second accept overwrote the decider: %q", by)
		}
		if _, _, err := s.DecideQuote(ctx, scopeOf(f.alice, false), f.sentQuote, connectors.Decision{}); !errors.Is(err, connectors.ErrConflict) {
			t.Errorf("decline after accept: err = %v, want ErrConflict", err)
		}
		for name, c := range map[string]struct {
			sc connectors.Scope
			id string
		}{"draft": {scopeOf(f.alice, true), f.draftQ}, "other's": {scopeOf(f.bob, true), f.companyQuote},
			"company's without WithCompany": {scopeOf(f.alice, false), f.companyQuote}} {
			if _, _, err := s.DecideQuote(ctx, c.sc, c.id, d); !errors.Is(err, connectors.ErrNotFound) {
				t.Errorf("%s: err = %v, want ErrNotFound", name, err)
			}
		}
	})
}

func TestDecideExpiredQuote(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		_, err := s.exec(ctx, s.db, `UPDATE quotes SET valid_until = ? WHERE id = ?`, s.d.ts(at(6)), f.sentQuote)
		if err != nil {
			t.Fatal(err)
		}
		q, err := s.GetQuote(ctx, scopeOf(f.alice, false), f.sentQuote)
		if err != nil || q.Status != connectors.QuoteExpired {
			t.Errorf("quote past validity = %v, %v; want expired", q.Status, err)
		}
		if _, _, err := s.DecideQuote(ctx, scopeOf(f.alice, false), f.sentQuote, connectors.Decision{Accept: true}); !errors.Is(err, connectors.ErrConflict) {
			t.Errorf("accept expired quote: err = %v, want ErrConflict", err)
		}
	})
}

func TestDecideQuoteConcurrently(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		const n = 8
		var wg sync.WaitGroup
		results := make(chan bool, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, changed, err := s.DecideQuote(context.Background(), scopeOf(f.alice, true), f.companyQuote,
					connectors.Decision{Accept: i%2 == 0, By: "racer"})
				if err != nil && !errors.Is(err, connectors.ErrConflict) {
					t.Errorf("concurrent decide: %v", err)
				}
				results <- changed
			}()
		}
		wg.Wait()
		close(results)
		changed := 0
		for c := range results {
			if c {
				changed++
			}
		}
		if changed != 1 {
			t.Errorf("%d concurrent decisions reported changed, want exactly 1", changed)
		}
	})
}
