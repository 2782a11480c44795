package connectors

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in, cur string
		want    Money
		wantErr bool
	}{
		{"1506.00", "USD", Money{150600, "USD"}, false},
		{"750.5", "usd", Money{75050, "USD"}, false},
		{"-4.50", "EUR", Money{-450, "EUR"}, false},
		{"12", "JPY", Money{12, "JPY"}, false},
		{"1.234", "KWD", Money{1234, "KWD"}, false},
		{"0", "", Money{0, ""}, false},
		{" 3.10 ", "GBP", Money{310, "GBP"}, false},
		{"1.005", "USD", Money{}, true},
		{"12.5", "JPY", Money{}, true},
		{"1e3", "USD", Money{}, true},
		{"abc", "USD", Money{}, true},
		{"", "USD", Money{}, true},
		{"1/2", "USD", Money{}, true},
		{"99999999999999999999", "USD", Money{}, true},
		{"1.00", "XYZ1", Money{}, true},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.cur)
		if tt.wantErr {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseMoney(%q, %q) error = %v, want ErrInvalid", tt.in, tt.cur, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q, %q) = %v, %v; want %v", tt.in, tt.cur, got, err, tt.want)
		}
	}
}

func TestMoneyDecimal(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{150600, "USD"}, "1506.00"},
		{Money{5, "USD"}, "0.05"},
		{Money{-5, "EUR"}, "-0.05"},
		{Money{-150, "EUR"}, "-1.50"},
		{Money{1200, "JPY"}, "1200"},
		{Money{1, "KWD"}, "0.001"},
		{Money{0, ""}, "0.00"},
	}
	for _, tt := range tests {
		if got := tt.m.Decimal(); got != tt.want {
			t.Errorf("%#v.Decimal() = %q, want %q", tt.m, got, tt.want)
		}
	}
	if got := (Money{150600, "USD"}).String(); got != "1506.00 USD" {
		t.Errorf("String() = %q", got)
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1506.00", "-4.5", "0", "1e9", "٣", "1.", ".5"} {
		f.Add(s, "USD")
	}
	f.Fuzz(func(t *testing.T, s, cur string) {
		m, err := ParseMoney(s, cur)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.Decimal(), m.Currency)
		if err != nil || back != m {
			t.Fatalf("round trip of %q (%v): %v, %v", s, m, back, err)
		}
	})
}
