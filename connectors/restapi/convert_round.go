package restapi

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"

	"clientgate/connectors"
)

// Rounding rules for amounts with more decimals than their currency.
const (
	RoundHalfEven = "half_even"
	RoundHalfUp   = "half_up"
	RoundDown     = "down"
	RoundUp       = "up"
	RoundExact    = "exact"
)

// roundRules lists the rules; the first is the default.
var roundRules = []string{RoundHalfEven, RoundHalfUp, RoundDown, RoundUp, RoundExact}

// plainDecimal is a decimal number without exponent or grouping.
var plainDecimal = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// roundMoney reads text as an amount in cur, rounding extra decimals by
// rule (half_even when ""). rounded reports whether it had to.
func roundMoney(text, cur, rule string) (m connectors.Money, rounded bool, err error) {
	if m, err := connectors.ParseMoney(text, cur); err == nil {
		return m, false, nil
	}
	if _, err := connectors.ParseMoney("0", cur); err != nil {
		return connectors.Money{}, false, fmt.Errorf("%q is not an ISO 4217 currency code", cur)
	}
	if rule == RoundExact || !plainDecimal.MatchString(text) {
		return connectors.Money{}, false, fmt.Errorf("value %q is not a decimal amount in %s", text, currencyName(cur))
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return connectors.Money{}, false, fmt.Errorf("value %q is not a decimal amount", text)
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(connectors.MinorDigits(cur))), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	n := roundRat(r, rule)
	if !n.IsInt64() {
		return connectors.Money{}, false, fmt.Errorf("value %q is out of range", text)
	}
	return connectors.Money{Minor: n.Int64(), Currency: strings.ToUpper(cur)}, true, nil
}

// roundRat rounds r to an integer by rule.
func roundRat(r *big.Rat, rule string) *big.Int {
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if rem.Sign() == 0 {
		return q
	}
	neg := r.Sign() < 0
	away := func() *big.Int {
		if neg {
			return q.Sub(q, big.NewInt(1))
		}
		return q.Add(q, big.NewInt(1))
	}
	// cmp compares the remainder's size with half of the denominator.
	twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
	cmp := twice.Cmp(r.Denom())
	switch rule {
	case RoundDown:
		return q
	case RoundUp:
		return away()
	case RoundHalfUp:
		if cmp >= 0 {
			return away()
		}
		return q
	}
	if cmp > 0 || (cmp == 0 && q.Bit(0) == 1) {
		return away()
	}
	return q
}
