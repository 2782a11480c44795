package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	_ "embed"

	"clientgate/connectors/sqlstore/importfile"
)

// demoJSON is the demo's sample data, in the import file format. Its dates
// are written as if today were demoAnchor; demoData moves them to the real
// today, so overdue invoices stay overdue, open quotes stay valid and
// upcoming tasks stay upcoming whenever the demo runs.
//
//go:embed demodata/demo.json
var demoJSON []byte

// demoAnchor is the "today" the dates in demodata/demo.json are written
// against.
var demoAnchor = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// today returns the start of the current day in UTC.
func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// demoData returns the demo data with its dates moved from demoAnchor to
// day.
func demoData(day time.Time) (*importfile.Data, error) {
	shifted, err := shiftDates(demoJSON, day.Sub(demoAnchor))
	if err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	data, err := importfile.Parse(bytes.NewReader(shifted))
	if err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	return data, nil
}

// shiftDates returns the JSON document doc with every RFC 3339 timestamp
// string moved by d.
func shiftDates(doc []byte, d time.Duration) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(shift(v, d), "", "  ")
	if err != nil {
		return nil, err
	}
	return out, nil
}

// shift moves the timestamps in a decoded JSON value.
func shift(v any, d time.Duration) any {
	switch x := v.(type) {
	case map[string]any:
		for k, item := range x {
			x[k] = shift(item, d)
		}
	case []any:
		for i, item := range x {
			x[i] = shift(item, d)
		}
	case string:
		if t, err := time.Parse(time.RFC3339, x); err == nil {
			return t.Add(d).Format(time.RFC3339)
		}
	}
	return v
}
