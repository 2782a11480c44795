package portal

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
)

var (
	equivLocales = []string{"", "en", "en-US", "en-GB", "en-IN", "de", "de-DE", "de-CH", "fr", "fr-FR", "fr-CH",
		"es", "es-MX", "it", "nl", "sv", "pl", "pt-BR", "pt-PT", "ja", "hi", "ar", "ar-EG", "zh", "ru", "tr",
		"da", "fi", "nb", "cs", "bn", "fa", "mr", "th", "not a locale!!", "xx-YY", "de-u-nu-arab"}
	equivCurrencies = []string{"USD", "EUR", "GBP", "JPY", "KWD", "CHF", "INR", "SEK", "BRL", "CLF", "", "XYZ1", "usd"}
)

// equivAmounts returns the amounts the fast and the x/text path must agree
// on: the brief's list, edges of the fast range and fixed random ones.
func equivAmounts() []int64 {
	as := []int64{0, 1, -1, 5, 99, 100, 12345, -12345, 123456789, 9007199254740991, -9007199254740991,
		1 << 53, 1<<53 + 1, fastLimit - 1, fastLimit, -fastLimit + 1, -fastLimit, math.MaxInt64, math.MinInt64}
	r := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		as = append(as, r.Int64N(fastLimit)-fastLimit/2, r.Int64N(1_000_000)-500_000)
	}
	return as
}

func TestMoneyMatchesXText(t *testing.T) {
	for _, loc := range equivLocales {
		fast := newFormatter(loc)
		slow := newLocaleFormat(loc, false)
		for _, cur := range equivCurrencies {
			for _, a := range equivAmounts() {
				m := connectors.Money{Minor: a, Currency: cur}
				if got, want := fast.Money(m), slow.slowMoney(m); got != want {
					t.Errorf("%q %v: got %q, x/text %q", loc, m, got, want)
				}
			}
		}
	}
}

// TestMoneyLayoutUsed guards against an equivalence test that passes only
// because every pair fell back to x/text.
func TestMoneyLayoutUsed(t *testing.T) {
	for _, loc := range []string{"", "en", "en-GB", "de", "fr", "fr-CH", "es", "it", "nl", "sv", "pl",
		"pt-BR", "ja", "hi", "zh", "ru", "tr", "en-IN", "ar"} {
		for _, cur := range []string{"USD", "EUR", "GBP", "JPY", "KWD", "CHF", "INR", "SEK", "BRL", "XYZ1"} {
			if localeFor(loc).moneyLayout(cur) == nil {
				t.Errorf("%q %s: no fast layout", loc, cur)
			}
		}
	}
}

func TestMoneyLayoutIndianGrouping(t *testing.T) {
	l := localeFor("en-IN").numberLayout()
	if l == nil || l.size0 != 3 || l.size1 != 2 {
		t.Fatalf("en-IN layout %+v, want groups 3;2", l)
	}
	m := connectors.Money{Minor: 1234567890, Currency: "INR"}
	if got := newFormatter("en-IN").Money(m); got != "₹1,23,45,678.90" {
		t.Errorf("got %q", got)
	}
}

func TestDeriveNumberRejects(t *testing.T) {
	tests := map[string]func(int64, int) string{
		"empty":       func(int64, int) string { return "" },
		"same digits": func(int64, int) string { return "x" },
		"two separators": func(v int64, d int) string {
			if v == 1234567890123 {
				return "1,234.567,890,123"
			}
			return plainNumber(v, d)
		},
		"wrong count": func(v int64, d int) string {
			if v == 1234567890123 {
				return "1,234"
			}
			return plainNumber(v, d)
		},
		"no decimal": func(v int64, d int) string {
			if d == 1 {
				return "05"
			}
			return plainNumber(v, d)
		},
	}
	for name, f := range tests {
		if n := deriveNumber(f); n != nil {
			t.Errorf("%s: derived %+v", name, n)
		}
	}
	if n := deriveNumber(plainNumber); n == nil || n.size0 != 0 || n.decimal != "." {
		t.Errorf("plain: %+v", n)
	}
}

// plainNumber writes v with d fraction digits, no grouping.
func plainNumber(v int64, d int) string {
	return strconv.FormatFloat(float64(v)/math.Pow10(d), 'f', d, 64)
}

func TestLocaleCacheBounds(t *testing.T) {
	long := "en-" + strings.Repeat("x", maxLocaleLength)
	if localeFor(long).cached {
		t.Error("over-long locale cached")
	}
	m := connectors.Money{Minor: 150600, Currency: "USD"}
	if got := newFormatter(long).Money(m); got != "$1,506.00" {
		t.Errorf("uncached locale: %q", got)
	}
	var zero formatter
	if got := zero.Money(m); got != "$1,506.00" {
		t.Errorf("zero formatter: %q", got)
	}
}

func BenchmarkMoney(b *testing.B) {
	amounts := []connectors.Money{{Minor: 150600, Currency: "USD"}, {Minor: -4550, Currency: "EUR"},
		{Minor: 99, Currency: "GBP"}, {Minor: 123456789, Currency: "USD"}}
	for _, loc := range []string{"en-US", "de-DE", "hi"} {
		f := newFormatter(loc)
		slow := newLocaleFormat(loc, false)
		b.Run(loc+"/xtext", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				_ = slow.slowMoney(amounts[i%len(amounts)])
			}
		})
		b.Run(loc+"/layout", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				_ = f.Money(amounts[i%len(amounts)])
			}
		})
	}
}

// TestMoneyLayoutVerifies plants wrong number layouts and checks that the
// derivation rejects them, so Money keeps x/text's strings.
func TestMoneyLayoutVerifies(t *testing.T) {
	de := *localeFor("de").numberLayout()
	wrongDigit, wrongGroups, english := de, de, *localeFor("en").numberLayout()
	wrongDigit.digits[7] = "7\u200e"
	wrongGroups.size1 = 2
	for name, n := range map[string]numberLayout{"digit": wrongDigit, "groups": wrongGroups, "english": english} {
		l := newLocaleFormat("de", true)
		l.numOnce.Do(func() { l.num = &n })
		if l.moneyLayout("EUR") != nil {
			t.Errorf("%s: wrong layout accepted", name)
		}
		m := connectors.Money{Minor: 712345678, Currency: "EUR"}
		if got := (formatter{loc: l}).Money(m); got != "7.123.456,78\u00a0€" {
			t.Errorf("%s: got %q", name, got)
		}
	}
}

// TestMoneyConcurrent derives and uses one locale's layouts from several
// goroutines at once (run with -race).
func TestMoneyConcurrent(t *testing.T) {
	l := newLocaleFormat("fr-CH", true)
	slow := newLocaleFormat("fr-CH", false)
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(equivCurrencies))
	for range 8 {
		wg.Go(func() {
			for _, cur := range equivCurrencies {
				m := connectors.Money{Minor: -123456789, Currency: cur}
				if got, want := (formatter{loc: l}).Money(m), slow.slowMoney(m); got != want {
					errs <- got + " != " + want
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
