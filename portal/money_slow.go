package portal

import (
	"math"
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/number"

	"clientgate/connectors"
)

// slowMoney formats m with x/text's printer on every call: the reference
// that every moneyLayout is derived from and verified against.
func (l *localeFormat) slowMoney(m connectors.Money) string {
	digits := connectors.MinorDigits(m.Currency)
	abs := m.Minor
	sign := ""
	if abs < 0 {
		sign, abs = "-", -abs
	}
	if abs < 0 || abs > 1<<53 {
		return m.String() // beyond float64's exact range: plain but exact
	}
	num := l.slowNumber(abs, digits)
	unit, err := currency.ParseISO(m.Currency)
	if err != nil {
		return strings.TrimSpace(sign + num + " " + m.Currency)
	}
	sym := l.printer.Sprint(currency.NarrowSymbol(unit))
	if l.after {
		return sign + num + "\u00a0" + sym
	}
	return sign + sym + num
}

// slowNumber formats abs minor units with digits decimal places by x/text.
func (l *localeFormat) slowNumber(abs int64, digits int) string {
	value := float64(abs) / math.Pow10(digits)
	return l.printer.Sprint(number.Decimal(value, number.Scale(digits)))
}
