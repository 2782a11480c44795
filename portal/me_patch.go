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
var errMediaType = &httpError{Status: http.StatusUnsupportedMediaType, Title: "Unsupported media type",
	Detail: "Send the body as application/json."}

// errBadJSON answers a body that is not a JSON object of strings.
var errBadJSON = &httpError{Status: http.StatusBadRequest, Title: "Malformed body",
	Detail: `The body must be one JSON object mapping field names to strings, such as {"first_name":"Ann"}.`}

// mePatchAPI answers PATCH /api/v1/me: a JSON object of field → new
// value. Unknown, hidden or read-only fields and invalid values are
// rejected with 422 and nothing is written.
func (s *server) mePatchAPI(c *gin.Context) {
	if ct := c.ContentType(); ct != "application/json" && ct != "application/merge-patch+json" {
		s.fail(c, errMediaType)
		return
	}
	body, err := decodePatch(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	values, err := s.checkEditable(body)
	if err != nil {
		s.fail(c, err)
		return
	}
	after, _, err := s.updateContact(c, values)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: s.me(after)})
}

// decodePatch reads exactly one JSON object of strings.
func decodePatch(r io.Reader) (map[string]string, error) {
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
	return decodeStrings(body)
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
