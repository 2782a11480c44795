package restapi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// toMoney reads r as an amount in currency cur: format decimal takes a
// decimal string or number, number a JSON number, minor an integer count
// of minor units (as a number or a string). Numbers are read from their
// exact JSON text, never through a float.
func toMoney(format string, r gjson.Result, cur string) (connectors.Money, error) {
	m, _, err := toMoneyRounded(format, "", r, cur)
	return m, err
}

// toMoneyRounded is toMoney with a rounding rule for decimal amounts
// that have more decimals than the currency; rounded reports whether it
// had to round.
func toMoneyRounded(format, rule string, r gjson.Result, cur string) (connectors.Money, bool, error) {
	var text string
	switch {
	case r.Type == gjson.Number:
		text = r.Raw
	case r.Type == gjson.String && format != FormatNumber:
		text = strings.TrimSpace(r.Str)
	default:
		return connectors.Money{}, false, fmt.Errorf("value %s is not a %s amount", clip(r.Raw), formatName(format))
	}
	if format == FormatMinor {
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return connectors.Money{}, false, fmt.Errorf("value %q is not a whole number of minor units", text)
		}
		return connectors.Money{Minor: n, Currency: strings.ToUpper(cur)}, false, nil
	}
	return roundMoney(text, cur, rule)
}

func formatName(format string) string {
	if format == "" {
		return FormatDecimal
	}
	return format
}

func currencyName(cur string) string {
	if cur == "" {
		return "an unknown currency"
	}
	return cur
}
