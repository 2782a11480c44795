package portal

import (
	"strings"

	"golang.org/x/text/currency"

	"clientgate/connectors"
)

// fastLimit bounds the amounts (in minor units, exclusive) a moneyLayout
// formats. Below it every amount has at most 15 significant digits, so
// x/text's float64 path shows it exactly; from it on, the slow path keeps
// its float rounding and its plain fallback beyond 2^53.
const fastLimit = 1_000_000_000_000_000

// maxLayouts bounds the currencies of one locale with a cached layout.
const maxLayouts = 64

// unknownCurrency keys the layout shared by codes x/text does not know.
const unknownCurrency = "\x00unknown"

// moneyLayout formats amounts of one currency in one locale with integer
// arithmetic: the sign, the symbol before or after, and the number.
type moneyLayout struct {
	num     *numberLayout
	scale   int    // fraction digits of the currency
	pow     uint64 // 10^scale
	before  string // the symbol before the number
	after   string // a no-break space and the symbol after the number
	unknown bool   // the code is unknown: append " CODE", then trim
}

// moneyLayout returns the verified layout of a currency code in l, deriving
// it on first use, or nil when only the slow path is exact for it or the
// cache is full.
func (l *localeFormat) moneyLayout(code string) *moneyLayout {
	if !l.cached {
		return nil
	}
	if v, ok := l.layouts.Load(code); ok {
		return v.(*moneyLayout)
	}
	key := code
	unit, err := currency.ParseISO(code)
	if err != nil {
		key = unknownCurrency
		if v, ok := l.layouts.Load(key); ok {
			return v.(*moneyLayout)
		}
	}
	if l.count.Load() >= maxLayouts {
		return nil
	}
	v, loaded := l.layouts.LoadOrStore(key, l.deriveMoney(code, unit, err == nil))
	if !loaded {
		l.count.Add(1)
	}
	return v.(*moneyLayout)
}

// deriveMoney builds the layout of code (unit when known) and checks it
// against the slow path on probe amounts; nil if any string differs.
func (l *localeFormat) deriveMoney(code string, unit currency.Unit, known bool) *moneyLayout {
	num := l.numberLayout()
	scale := connectors.MinorDigits(code)
	if num == nil || scale < 0 || scale > 15 {
		return nil
	}
	ml := &moneyLayout{num: num, scale: scale, pow: pow10(scale), unknown: !known}
	if known {
		sym := l.printer.Sprint(currency.NarrowSymbol(unit))
		if l.after {
			ml.after = "\u00a0" + sym
		} else {
			ml.before = sym
		}
	}
	for _, a := range probeAmounts() {
		got, ok := ml.format(a, code)
		if !ok || got != l.slowMoney(connectors.Money{Minor: a, Currency: code}) {
			return nil
		}
	}
	return ml
}

// probeAmounts returns amounts that together use every digit, every
// integer length the layout serves and both signs.
func probeAmounts() []int64 {
	as := []int64{0, 1234567890, -987654321012345, 5, -5}
	for p := int64(1); p < fastLimit; p *= 10 {
		as = append(as, p, -p, 10*p-1)
	}
	return as
}

// format formats minor units of the layout's currency (code is appended
// for an unknown one); false when the amount is beyond fastLimit.
func (ml *moneyLayout) format(minor int64, code string) (string, bool) {
	if minor <= -fastLimit || minor >= fastLimit {
		return "", false
	}
	var buf [80]byte
	b := buf[:0]
	if minor < 0 {
		b = append(b, '-')
		minor = -minor
	}
	b = append(b, ml.before...)
	b = ml.num.append(b, uint64(minor), ml.scale, ml.pow)
	b = append(b, ml.after...)
	if ml.unknown {
		b = append(b, ' ')
		b = append(b, code...)
		return strings.TrimSpace(string(b)), true
	}
	return string(b), true
}

// pow10 returns 10^n for 0 <= n <= 19.
func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}
