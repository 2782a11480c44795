package restapi

import (
	"time"

	"clientgate/connectors"
)

// kind is the domain type of a field, which decides its conversions.
type kind int

const (
	kindString kind = iota
	kindMoney
	kindTime
	kindBool
	kindCurrency
	kindInvoiceStatus
	kindQuoteStatus
	kindTxKind
	kindTxStatus
)

// value is a converted field value; which member is set depends on kind.
type value struct {
	str   string
	money connectors.Money
	time  time.Time
	flag  bool
	// note says how the value was made, for check-config --probe: such as
	// "rounded 0.125 to 0.12" or "computed".
	note string
}

// field is one domain field of a T: its kind and how to store it.
type field[T any] struct {
	kind kind
	set  func(*T, value)
}

// schema lists the domain fields of one record type.
type schema[T any] map[string]field[T]

func str[T any](set func(*T, string)) field[T] {
	return field[T]{kind: kindString, set: func(t *T, v value) { set(t, v.str) }}
}

func money[T any](set func(*T, connectors.Money)) field[T] {
	return field[T]{kind: kindMoney, set: func(t *T, v value) { set(t, v.money) }}
}

func tm[T any](set func(*T, time.Time)) field[T] {
	return field[T]{kind: kindTime, set: func(t *T, v value) { set(t, v.time) }}
}

func typed[T any](k kind, set func(*T, string)) field[T] {
	return field[T]{kind: k, set: func(t *T, v value) { set(t, v.str) }}
}

// currencyField is the pseudo-field naming a record's currency.
const currencyField = "currency"

// kinds returns the kind of every field of s, for validation.
func (s schema[T]) kinds() map[string]kind {
	out := make(map[string]kind, len(s)+1)
	for name, f := range s {
		out[name] = f.kind
	}
	return out
}

// addAddress adds the six fields of an address under prefix.
func addAddress[T any](s schema[T], prefix string, addr func(*T) *connectors.Address) {
	s[prefix+".line1"] = str(func(t *T, v string) { addr(t).Line1 = v })
	s[prefix+".line2"] = str(func(t *T, v string) { addr(t).Line2 = v })
	s[prefix+".city"] = str(func(t *T, v string) { addr(t).City = v })
	s[prefix+".region"] = str(func(t *T, v string) { addr(t).Region = v })
	s[prefix+".postcode"] = str(func(t *T, v string) { addr(t).PostCode = v })
	s[prefix+".country"] = str(func(t *T, v string) { addr(t).Country = v })
}
