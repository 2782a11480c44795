package connectors

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"

	"golang.org/x/text/currency"
)

// Money is an amount in a currency's minor units (cents for USD), never a
// float.
type Money struct {
	// Minor is the amount in minor units; negative for refunds and credits.
	Minor int64 `json:"minor"`
	// Currency is the ISO 4217 code, upper case.
	Currency string `json:"currency"`
}

// IsZero reports whether m holds neither an amount nor a currency.
func (m Money) IsZero() bool { return m.Minor == 0 && m.Currency == "" }

// MinorDigits returns how many decimal places the currency's minor unit has
// (2 for USD, 0 for JPY, 3 for KWD), from the ISO 4217 tables in
// golang.org/x/text. An unknown or empty code counts as 2.
func MinorDigits(code string) int {
	unit, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(unit)
	return scale
}

// ParseMoney converts a decimal string such as "1506.00", "-4.5" or "12" in
// the given currency into Money, exactly. It rejects more decimal places
// than the currency has (other than trailing zeros), exponents, and values
// outside int64.
func ParseMoney(decimal, code string) (Money, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code != "" {
		if _, err := currency.ParseISO(code); err != nil {
			return Money{}, fmt.Errorf("%w: unknown currency %q", ErrInvalid, code)
		}
	}
	minor, err := parseMinor(strings.TrimSpace(decimal), MinorDigits(code))
	if err != nil {
		return Money{}, fmt.Errorf("%w: amount %q: %v", ErrInvalid, decimal, err)
	}
	return Money{Minor: minor, Currency: code}, nil
}

// decimalPattern is a plain decimal number: no exponent, no fraction,
// no base prefix, no grouping.
var decimalPattern = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

func parseMinor(s string, digits int) (int64, error) {
	if !decimalPattern.MatchString(s) {
		return 0, fmt.Errorf("not a decimal number")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, fmt.Errorf("not a decimal number")
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)))
	if !r.IsInt() {
		return 0, fmt.Errorf("more than %d decimal places", digits)
	}
	n := r.Num()
	if !n.IsInt64() {
		return 0, fmt.Errorf("out of range")
	}
	return n.Int64(), nil
}

// Decimal formats m as a plain decimal string with the currency's number of
// decimal places, such as "1506.00"; no symbol, no grouping.
func (m Money) Decimal() string {
	digits := MinorDigits(m.Currency)
	sign, v := "", m.Minor
	if v < 0 {
		sign = "-"
	}
	abs := new(big.Int).Abs(big.NewInt(v)).String()
	if digits == 0 {
		return sign + abs
	}
	if len(abs) <= digits {
		abs = strings.Repeat("0", digits-len(abs)+1) + abs
	}
	cut := len(abs) - digits
	return sign + abs[:cut] + "." + abs[cut:]
}

// String formats m as "1506.00 USD".
func (m Money) String() string {
	if m.Currency == "" {
		return m.Decimal()
	}
	return m.Decimal() + " " + m.Currency
}
