package restapi

import (
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

func TestConvertMoney(t *testing.T) {
	tests := []struct {
		format, raw, cur string
		want             int64
		wantErr          string
	}{
		{FormatDecimal, `"1506.00"`, "EUR", 150600, ""},
		{FormatDecimal, `"-4.5"`, "USD", -450, ""},
		{FormatDecimal, `12.34`, "EUR", 1234, ""},
		{FormatDecimal, `"50000"`, "JPY", 50000, ""},
		{FormatDecimal, `"1.005"`, "EUR", 100, ""}, // rounded half to even
		{FormatDecimal, `"100.00000000"`, "EUR", 10000, ""},
		{FormatDecimal, `"12,50"`, "EUR", 0, "not a decimal amount"},
		{FormatDecimal, `"1e3"`, "EUR", 0, "not a decimal amount"},
		{FormatDecimal, `true`, "EUR", 0, "is not a decimal amount"},
		{FormatDecimal, `{"a":1}`, "EUR", 0, "is not a decimal amount"},
		{FormatNumber, `99.99`, "EUR", 9999, ""},
		{FormatNumber, `"99.99"`, "EUR", 0, "is not a number amount"},
		{FormatMinor, `1999`, "EUR", 1999, ""},
		{FormatMinor, `"-250"`, "EUR", -250, ""},
		{FormatMinor, `19.99`, "EUR", 0, "not a whole number of minor units"},
		{FormatMinor, `99999999999999999999`, "EUR", 0, "not a whole number"},
	}
	for _, tt := range tests {
		v, err := convert(kindMoney, &Field{Format: tt.format}, gjson.Parse(tt.raw), tt.cur)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s %s: err %v, want %q", tt.format, tt.raw, err, tt.wantErr)
			}
			continue
		}
		want := connectors.Money{Minor: tt.want, Currency: tt.cur}
		if err != nil || v.money != want {
			t.Errorf("%s %s: got %v, %v; want %v", tt.format, tt.raw, v.money, err, want)
		}
	}
}

func TestConvertTime(t *testing.T) {
	at := time.Date(2025, 1, 6, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		format, layout, raw string
		want                time.Time
		wantErr             bool
	}{
		{"", "", `"2025-01-06T10:30:00Z"`, at, false},
		{FormatRFC3339, "", `"2025-01-06T11:30:00+01:00"`, at, false},
		{FormatRFC3339, "", `"2025-01-06 10:30"`, time.Time{}, true},
		{FormatUnix, "", `1736159400`, at, false},
		{FormatUnix, "", `"1736159400"`, at, false},
		{FormatUnix, "", `"0"`, time.Time{}, false},
		{FormatUnix, "", `"soon"`, time.Time{}, true},
		{FormatUnix, "", `1e300`, time.Time{}, true},
		{FormatUnixMS, "", `1736159400000`, at, false},
		{FormatDate, "", `"2025-01-06"`, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC), false},
		{FormatLayout, "02.01.2006 15:04", `"06.01.2025 10:30"`, at, false},
		{FormatLayout, "02.01.2006 15:04", `"2025-01-06"`, time.Time{}, true},
		{FormatUnix, "", `[1]`, time.Time{}, true},
	}
	for _, tt := range tests {
		v, err := convert(kindTime, &Field{Format: tt.format, Layout: tt.layout}, gjson.Parse(tt.raw), "")
		if (err != nil) != tt.wantErr || !v.time.Equal(tt.want) {
			t.Errorf("%s %s: got %v, %v; want %v (error %v)", tt.format, tt.raw, v.time, err, tt.want, tt.wantErr)
		}
		if err == nil && v.time.Location() != time.UTC {
			t.Errorf("%s %s: not UTC", tt.format, tt.raw)
		}
	}
}

func TestConvertText(t *testing.T) {
	paidMap := map[string]string{"PAID": "paid", "OPEN": "unpaid"}
	tests := []struct {
		k       kind
		f       Field
		raw     string
		want    value
		wantErr bool
	}{
		{kindString, Field{}, `"x"`, value{str: "x"}, false},
		{kindString, Field{}, `12345678901234567890`, value{str: "12345678901234567890"}, false},
		{kindString, Field{}, `{"a":1}`, value{}, true},
		{kindString, Field{Map: map[string]string{"0": ""}}, `"0"`, value{str: ""}, false},
		{kindInvoiceStatus, Field{Map: paidMap}, `"PAID"`, value{str: "paid"}, false},
		{kindInvoiceStatus, Field{Map: paidMap}, `"paid"`, value{str: "paid"}, false},
		{kindInvoiceStatus, Field{Map: paidMap}, `"WEIRD"`, value{}, true},
		{kindInvoiceStatus, Field{Map: map[string]string{"*": "unpaid"}}, `"WEIRD"`, value{str: "unpaid"}, false},
		{kindInvoiceStatus, Field{}, `"Overdue"`, value{str: "overdue"}, false},
		{kindQuoteStatus, Field{}, `"maybe"`, value{}, true},
		{kindBool, Field{}, `true`, value{flag: true}, false},
		{kindBool, Field{}, `"1"`, value{flag: true}, false},
		{kindBool, Field{}, `0`, value{flag: false}, false},
		{kindBool, Field{}, `"perhaps"`, value{}, true},
		{kindBool, Field{Map: map[string]string{"done": "true", "open": "false"}}, `"done"`, value{flag: true}, false},
		{kindCurrency, Field{}, `"eur"`, value{str: "EUR"}, false},
		{kindCurrency, Field{}, `"EURO"`, value{}, true},
		{kindTxKind, Field{}, `"payment"`, value{str: "payment"}, false},
	}
	for _, tt := range tests {
		v, err := convert(tt.k, &tt.f, gjson.Parse(tt.raw), "")
		if (err != nil) != tt.wantErr || v != tt.want {
			t.Errorf("kind %d %s: got %+v, %v; want %+v (error %v)", tt.k, tt.raw, v, err, tt.want, tt.wantErr)
		}
	}
}

func TestConvertMoneyRounding(t *testing.T) {
	tests := []struct {
		raw, cur, rule string
		want           int64
		wantErr        bool
	}{
		{`"0.125"`, "EUR", "", 12, false},
		{`"0.135"`, "EUR", "", 14, false},
		{`"0.125"`, "EUR", RoundHalfUp, 13, false},
		{`"-0.125"`, "EUR", RoundHalfUp, -13, false},
		{`"0.129"`, "EUR", RoundDown, 12, false},
		{`"0.121"`, "EUR", RoundUp, 13, false},
		{`"-0.121"`, "EUR", RoundUp, -13, false},
		{`"0.125"`, "EUR", RoundExact, 0, true},
		{`"12.5"`, "JPY", "", 12, false},
		{`"1.0005"`, "KWD", "", 1000, false},
		{`1.0005`, "KWD", "", 1000, false},
		{`"1e3"`, "EUR", "", 0, true},
		{`"0.125"`, "EURO", "", 0, true},
	}
	for _, tt := range tests {
		v, err := convert(kindMoney, &Field{Round: tt.rule}, gjson.Parse(tt.raw), tt.cur)
		if (err != nil) != tt.wantErr || (err == nil && v.money.Minor != tt.want) {
			t.Errorf("%s %s %q: got %d, %v; want %d (error %v)", tt.raw, tt.cur, tt.rule, v.money.Minor, err, tt.want, tt.wantErr)
		}
		if err == nil && tt.raw != `"12.5"` && v.money.Minor != 0 && v.note == "" && tt.want%10 != 0 {
			t.Errorf("%s: no rounding note", tt.raw)
		}
	}
}

func TestConvertCRMQuirks(t *testing.T) {
	if !missing(kindTime, gjson.Parse(`"0000-00-00"`)) || !missing(kindTime, gjson.Parse(`"0000-00-00 00:00:00"`)) {
		t.Error(`"0000-00-00" dates are not absent`)
	}
	if missing(kindString, gjson.Parse(`""`)) || !missing(kindMoney, gjson.Parse(`""`)) {
		t.Error("empty strings: text is a value, an amount is absent")
	}
	for raw, want := range map[string]bool{`"1"`: true, `"0"`: false, `1`: true, `0`: false} {
		v, err := convert(kindBool, &Field{}, gjson.Parse(raw), "")
		if err != nil || v.flag != want {
			t.Errorf("bool %s: %v, %v", raw, v.flag, err)
		}
	}
	v, err := convert(kindString, &Field{HTML: true}, gjson.Parse(`"<p>Fix &amp; <b>ship</b></p><script>x()</script>"`), "")
	if err != nil || v.str != "Fix & ship" {
		t.Errorf("html: %q, %v", v.str, err)
	}
}
