package jetpackcrm

import (
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"clientgate/connectors"
)

// mapper holds what the mapping from CRM objects to portal types needs
// beyond the objects themselves.
type mapper struct {
	portalStatuses []string
	currency       string
	now            func() time.Time
	log            *slog.Logger
}

// currencyOf returns an object's ISO 4217 currency, or the configured
// default when the CRM left it empty or put a sentinel (quotes default to
// "-1" in the database) there.
func (m mapper) currencyOf(o object, fallback string) string {
	code := strings.ToUpper(strings.TrimSpace(o.text("currency")))
	if code == "" || code == "-1" {
		return fallback
	}
	if _, err := connectors.ParseMoney("0", code); err != nil {
		return fallback
	}
	return code
}

// money parses a decimal-string amount exactly. An empty or sentinel
// value counts as zero; anything else that is not a decimal is an error.
func money(o object, key, currency string) (connectors.Money, error) {
	s := strings.TrimSpace(o.text(key))
	if s == "" || s == "-1" {
		return connectors.Money{Currency: currency}, nil
	}
	v, err := connectors.ParseMoney(s, currency)
	if err != nil {
		return connectors.Money{}, fmt.Errorf("%s: %w", key, err)
	}
	return v, nil
}

// percentOf returns pct percent of base, rounded half away from zero to
// the currency's minor unit.
func percentOf(base connectors.Money, pct string) (connectors.Money, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(pct))
	if !ok || strings.ContainsAny(pct, "eE") {
		return connectors.Money{}, fmt.Errorf("discount: %w: percentage %q", connectors.ErrInvalid, pct)
	}
	r.Mul(r, big.NewRat(base.Minor, 100))
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2)).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	if !q.IsInt64() {
		return connectors.Money{}, fmt.Errorf("discount: %w: out of range", connectors.ErrInvalid)
	}
	return connectors.Money{Minor: q.Int64(), Currency: base.Currency}, nil
}

// reference is what the client sees as an item's number: the CRM's custom
// reference when set, else its ID.
func reference(o object) string {
	if ref := strings.TrimSpace(o.text("id_override")); ref != "" {
		return ref
	}
	return o.id()
}

// lines maps invoice or quote line items.
func (m mapper) lines(o object, currency string) ([]connectors.LineItem, error) {
	var out []connectors.LineItem
	for i, li := range o.list("lineitems") {
		price, err := money(li, "price", currency)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		total, err := money(li, "total", currency)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out = append(out, connectors.LineItem{
			Title:       strings.TrimSpace(li.text("title")),
			Description: strings.TrimSpace(li.text("desc")),
			Quantity:    strings.TrimSpace(li.text("quantity")),
			UnitPrice:   price,
			Total:       total,
		})
	}
	return out, nil
}
