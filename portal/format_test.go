package portal

import (
	"testing"
	"time"

	"clientgate/connectors"
)

func TestFormatterMoney(t *testing.T) {
	tests := []struct {
		locale string
		m      connectors.Money
		want   string
	}{
		{"", connectors.Money{Minor: 150600, Currency: "USD"}, "$1,506.00"},
		{"en-US", connectors.Money{Minor: -4550, Currency: "USD"}, "-$45.50"},
		{"de-DE", connectors.Money{Minor: 150650, Currency: "EUR"}, "1.506,50\u00a0€"},
		{"fr-FR", connectors.Money{Minor: 150650, Currency: "EUR"}, "1\u00a0506,50\u00a0€"},
		{"en", connectors.Money{Minor: 1500, Currency: "JPY"}, "¥1,500"},
		{"en", connectors.Money{Minor: 1234, Currency: "KWD"}, "KWD1.234"},
		{"en", connectors.Money{Minor: 5, Currency: ""}, "0.05"},
		{"not a locale!!", connectors.Money{Minor: 100, Currency: "GBP"}, "£1.00"},
		{"en", connectors.Money{Minor: 1 << 60, Currency: "USD"}, "11529215046068469.76 USD"},
	}
	for _, tt := range tests {
		if got := newFormatter(tt.locale).Money(tt.m); got != tt.want {
			t.Errorf("%q %v: got %q, want %q", tt.locale, tt.m, got, tt.want)
		}
	}
}

func TestFormatterDate(t *testing.T) {
	d := time.Date(2026, 3, 4, 15, 30, 0, 0, time.FixedZone("X", 3600))
	tests := []struct{ locale, want string }{
		{"", "Mar 4, 2026"}, {"en-GB", "4 Mar 2026"}, {"de-DE", "04.03.2026"}, {"ja", "2026/03/04"},
	}
	for _, tt := range tests {
		if got := newFormatter(tt.locale).Date(d); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.locale, got, tt.want)
		}
	}
	if got := newFormatter("").DateTime(d); got != "Mar 4, 2026 14:30 UTC" {
		t.Errorf("DateTime %q", got)
	}
	if newFormatter("").Date(time.Time{}) != "" {
		t.Error("zero date not empty")
	}
}
