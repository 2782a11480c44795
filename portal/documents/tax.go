package documents

import (
	"math/big"
	"strings"

	"clientgate/connectors"
)

// taxGroup is the lines of one tax rate: their net amount and their tax.
type taxGroup struct {
	rate string // as written on the first line of the rate, such as "19"
	base connectors.Money
	tax  connectors.Money
}

// taxGroups groups lines by tax rate (equal rates however written, such
// as "19" and "19.00"), in order of first use, leaving out lines without
// a rate. A group's tax is the sum of its lines' tax amounts when every
// line states one, else its rate applied to its net amount, rounded half
// away from zero to the currency's minor unit.
func taxGroups(lines []connectors.LineItem, currency string) []taxGroup {
	var out []taxGroup
	index := map[string]int{}
	known := map[string]bool{}
	for _, l := range lines {
		r, ok := rate(l.TaxRate)
		if !ok {
			continue
		}
		key := r.RatString()
		i, seen := index[key]
		if !seen {
			i = len(out)
			index[key], known[key] = i, true
			out = append(out, taxGroup{rate: strings.TrimSpace(l.TaxRate),
				base: connectors.Money{Currency: currency}, tax: connectors.Money{Currency: currency}})
		}
		out[i].base.Minor += l.Total.Minor
		out[i].tax.Minor += l.Tax.Minor
		known[key] = known[key] && l.Tax.Currency != ""
	}
	for key, i := range index {
		if !known[key] {
			r, _ := rate(out[i].rate)
			out[i].tax.Minor = percent(out[i].base.Minor, r)
		}
	}
	return out
}

// rate parses a tax rate in percent; ok is false for "" and garbage.
func rate(s string) (*big.Rat, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" || strings.ContainsAny(s, "eE/") {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() < 0 {
		return nil, false
	}
	return r, true
}

// percent returns pct percent of minor, rounded half away from zero.
func percent(minor int64, pct *big.Rat) int64 {
	v := new(big.Rat).Mul(new(big.Rat).SetInt64(minor), pct)
	v.Quo(v, big.NewRat(100, 1))
	q, rem := new(big.Int).QuoRem(v.Num(), v.Denom(), new(big.Int))
	if new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2)).Cmp(v.Denom()) >= 0 {
		q.Add(q, big.NewInt(int64(v.Sign())))
	}
	return q.Int64()
}

// rateText writes a rate for print without trailing zeros: "19%" for
// "19.00", "7.5%"; a rate that is not a number is printed as written.
func rateText(s string) string {
	r, ok := rate(s)
	if !ok {
		return strings.TrimSpace(s)
	}
	text := r.FloatString(6)
	text = strings.TrimRight(strings.TrimRight(text, "0"), ".")
	return text + "%"
}
