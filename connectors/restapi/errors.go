package restapi

import (
	"fmt"

	"clientgate/connectors"
)

// MappingError reports a CRM answer that does not match the mapping: a
// missing field, a value of the wrong type, an amount or a date that does
// not parse, an item owned by someone else. It matches
// connectors.ErrUnavailable with errors.Is, so the portal shows a friendly
// error while the log names what to fix.
type MappingError struct {
	// Op is the operation, such as "list_invoices".
	Op string
	// Item is the ID of the item, when it could be read.
	Item string
	// Field is the domain field, such as "total", or "" for the item.
	Field string
	// Location is where in the answer the value was, as a gjson path.
	Location string
	// Problem says what is wrong.
	Problem string
}

// Error names the operation, the field, the location and the problem.
func (e *MappingError) Error() string {
	where := e.Location
	if where == "" {
		where = "(root)"
	}
	op := e.Op
	if e.Item != "" {
		op += ", item " + e.Item
	}
	if e.Field == "" {
		return fmt.Sprintf("restapi: mapping error in %s at %s: %s", op, where, e.Problem)
	}
	return fmt.Sprintf("restapi: mapping error in %s, field %s at %s: %s", op, e.Field, where, e.Problem)
}

// Unwrap makes errors.Is(err, connectors.ErrUnavailable) true.
func (e *MappingError) Unwrap() error { return connectors.ErrUnavailable }

// joinPath appends a relative gjson path to a location.
func joinPath(base, rel string) string {
	switch {
	case base == "":
		return rel
	case rel == "" || rel == "@this":
		return base
	}
	return base + "." + rel
}
