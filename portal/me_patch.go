package portal

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// errMediaType answers a body of the wrong content type.
var errMediaType = messageError(http.StatusUnsupportedMediaType, "error.media_type")

// errBadJSON answers a body that is not a JSON object of strings.
var errBadJSON = messageError(http.StatusBadRequest, "error.bad_json")

// mePatchAPI answers PATCH /api/v1/me: a JSON object of field → new
// value, with an optional "preferences" object (language, timezone; ""
// clears one). Unknown, hidden or read-only fields, unknown preferences
// and invalid values are rejected with 422 and nothing is written.
func (s *server) mePatchAPI(c *gin.Context) {
	if ct := c.ContentType(); ct != "application/json" && ct != "application/merge-patch+json" {
		s.fail(c, errMediaType)
		return
	}
	body, prefs, err := decodePatch(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	vw := viewerOf(c)
	values, fieldErr := s.checkEditable(body)
	optOut, setEmails, emailErr := takeEmailSetting(prefs)
	saved := vw.prefs
	saved.ContactID = vw.contact.ID
	if err := mergeProblems(fieldErr, emailErr, s.applyPreferences(&saved, prefs)); err != nil {
		s.fail(c, err)
		return
	}
	if _, _, err := s.updateContact(c, values, nil); err != nil {
		s.fail(c, err)
		return
	}
	if prefs != nil {
		if err := s.store.SavePreferences(c.Request.Context(), saved); err != nil {
			s.fail(c, errorf("save preferences: %w", err))
			return
		}
		vw.prefs = saved
		vw.fmt = s.formatterFor(c, saved, vw.contact.Locale)
	}
	if err := s.saveEmailSetting(c, vw, optOut, setEmails); err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: s.meWithEmails(c, vw)})
}

// decodePatch reads exactly one JSON object of strings, whose
// "preferences" member, when present, is an object of strings.
func decodePatch(r io.Reader) (map[string]string, map[string]string, error) {
	body, err := readObject(r)
	if err != nil {
		return nil, nil, err
	}
	var prefs map[string]string
	if raw, ok := body["preferences"]; ok {
		delete(body, "preferences")
		var members map[string]json.RawMessage
		if err := json.Unmarshal(raw, &members); err != nil || members == nil {
			return nil, nil, errBadJSON
		}
		var err error
		if prefs, err = decodeStrings(members); err != nil {
			return nil, nil, prefixFields(err, "preferences.")
		}
	}
	fields, err := decodeStrings(body)
	return fields, prefs, err
}

// readObject reads exactly one JSON object, its members undecoded.
func readObject(r io.Reader) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(r)
	var body map[string]json.RawMessage
	if err := dec.Decode(&body); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, bodyError(err)
		}
		return nil, &httpError{Status: errBadJSON.Status, Title: errBadJSON.Title, Detail: errBadJSON.Detail, err: err}
	}
	if body == nil || dec.More() {
		return nil, errBadJSON
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errBadJSON
	}
	return body, nil
}

// checkEditable keeps the body's fields when every one is editable, else
// reports each offending field.
func (s *server) checkEditable(body map[string]string) (map[connectors.Field]string, error) {
	var verr connectors.ValidationError
	out := make(map[connectors.Field]string, len(body))
	for name, val := range body {
		f := connectors.Field(name)
		switch {
		case !slices.Contains(connectors.PatchableFields, f):
			verr.Add(name, "is not a field that can be changed")
		case !s.canEdit() || !s.isEditable(f):
			verr.Add(name, "cannot be changed in this portal")
		default:
			out[f] = val
		}
	}
	return out, verr.OrNil()
}
