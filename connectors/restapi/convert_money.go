package restapi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// toMoneyRounded reads r as an amount in currency cur: format decimal
// takes a decimal string or number, number a JSON number, minor an
// integer count of minor units (as a number or a string). Numbers are
// read from their exact JSON text, never through a float. Decimals beyond
// the currency's are rounded by rule; rounded reports whether they were.
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
