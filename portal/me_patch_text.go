package portal

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"clientgate/connectors"
)

// decodeStrings turns a JSON object of raw values into strings, refusing
// (as field errors) what encoding/json would silently replace with U+FFFD:
// invalid UTF-8 and unpaired surrogate escapes such as "\ud800". Values
// that are not strings make the whole body malformed.
func decodeStrings(raw map[string]json.RawMessage) (map[string]string, error) {
	var verr connectors.ValidationError
	out := make(map[string]string, len(raw))
	for name, value := range raw {
		var s string
		if err := json.Unmarshal(value, &s); err != nil || string(value) == "null" {
			return nil, errBadJSON
		}
		if !utf8.Valid(value) || replacements(s) > genuineReplacements(value) {
			verr.Add(name, connectors.ErrTextEncoding.Error())
			continue
		}
		out[name] = s
	}
	return out, verr.OrNil()
}

// prefixFields puts prefix before the field names of a validation error
// (other errors are returned as they are).
func prefixFields(err error, prefix string) error {
	verr, ok := err.(*connectors.ValidationError)
	if !ok {
		return err
	}
	out := &connectors.ValidationError{Fields: make(map[string]string, len(verr.Fields))}
	for name, msg := range verr.Fields {
		out.Fields[prefix+name] = msg
	}
	return out
}

// replacements counts U+FFFD in a decoded string.
func replacements(s string) int { return strings.Count(s, "\uFFFD") }

// genuineReplacements counts the U+FFFD a raw JSON string really holds:
// the character itself or its escape.
func genuineReplacements(raw []byte) int {
	return bytes.Count(raw, []byte("\uFFFD")) + bytes.Count(bytes.ToLower(raw), []byte(`\ufffd`))
}
