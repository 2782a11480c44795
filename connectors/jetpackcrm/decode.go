package jetpackcrm

import (
	"bytes"
	"encoding/json"
	"fmt"

	"clientgate/connectors"
)

// decodeList decodes a list endpoint's answer: a bare JSON array. An
// object carrying error keys, an empty body or anything that is not JSON is
// an error, never an empty list.
func decodeList(endpoint string, body []byte) ([]object, error) {
	body = bytes.TrimSpace(body)
	switch {
	case len(body) == 0:
		return nil, fmt.Errorf("%w: jetpackcrm: %s: empty answer", connectors.ErrUnavailable, endpoint)
	case body[0] == '{':
		obj, err := decodeObject(endpoint, body)
		if err != nil {
			return nil, err
		}
		if err := answerError(endpoint, obj); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: jetpackcrm: %s: expected a list, got an object", connectors.ErrUnavailable, endpoint)
	}
	var items []object
	if err := json.Unmarshal(body, &items); err != nil {
		return nil, fmt.Errorf("%w: jetpackcrm: %s: invalid JSON: %v", connectors.ErrUnavailable, endpoint, err)
	}
	out := items[:0]
	for _, it := range items {
		if it != nil {
			out = append(out, it)
		}
	}
	return out, nil
}

// decodeSearch decodes customer_search?email=: one contact object when the
// email matched, [] when nothing did.
func decodeSearch(body []byte) ([]object, error) {
	const endpoint = "customer_search"
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '{' {
		obj, err := decodeObject(endpoint, body)
		if err != nil {
			return nil, err
		}
		if err := answerError(endpoint, obj); err != nil {
			return nil, err
		}
		if obj.id() == "" {
			return nil, fmt.Errorf("%w: jetpackcrm: %s: contact without an id", connectors.ErrUnavailable, endpoint)
		}
		return []object{obj}, nil
	}
	return decodeList(endpoint, body)
}

// decodeWrite decodes a create_* answer: the request echoed back with an
// id. Error keys, an empty body (create_company's way of failing) or a
// missing id are errors, never success.
func decodeWrite(endpoint string, body []byte) (object, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, fmt.Errorf("%w: jetpackcrm: %s: empty answer, the write was not confirmed", connectors.ErrUnavailable, endpoint)
	}
	obj, err := decodeObject(endpoint, body)
	if err != nil {
		return nil, err
	}
	if err := answerError(endpoint, obj); err != nil {
		return nil, err
	}
	if obj.id() == "" {
		return nil, fmt.Errorf("%w: jetpackcrm: %s: answer without an id, the write was not confirmed", connectors.ErrUnavailable, endpoint)
	}
	return obj, nil
}

func decodeObject(endpoint string, body []byte) (object, error) {
	var obj object
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		return nil, fmt.Errorf("%w: jetpackcrm: %s: invalid JSON: %v", connectors.ErrUnavailable, endpoint, err)
	}
	return obj, nil
}

// answerError reports the CRM's in-band failures, all sent with HTTP 200:
// {"errors":1} (no valid email or id), {"error":100} (the database refused
// the values), {"error":true,"message":...}, {"error":400,"message":...}
// and {"success":false,...}.
func answerError(endpoint string, obj object) error {
	_, hasErr := obj["error"]
	_, hasErrs := obj["errors"]
	failed := string(bytes.TrimSpace(obj["success"])) == "false"
	if !hasErr && !hasErrs && !failed {
		return nil
	}
	msg := obj.text("message")
	if msg == "" {
		msg = obj.object("data").text("message")
	}
	code := obj.text("error")
	switch {
	case hasErrs:
		return fmt.Errorf("%w: jetpackcrm: %s: the CRM found no valid email or id (errors:1)", connectors.ErrInvalid, endpoint)
	case code == "100":
		return fmt.Errorf("%w: jetpackcrm: %s: the CRM could not store the values (error 100)", connectors.ErrInvalid, endpoint)
	case code == "400":
		return fmt.Errorf("%w: jetpackcrm: %s: %s", connectors.ErrInvalid, endpoint, msg)
	}
	return fmt.Errorf("%w: jetpackcrm: %s: the CRM answered with an error: %q", connectors.ErrUnavailable, endpoint, msg)
}
