package portal

import (
	"errors"
	"net/http"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// uploadError maps why an upload failed to its answer: a status and the
// message IDs files.error.<key>.title/.detail, with the field error
// "file" in English for the API. Failures that are not about the file
// (the database or storage down, the request cut off) keep their usual
// mapping.
func (s *server) uploadError(err error) *httpError {
	var tooBig *http.MaxBytesError
	limits := s.files.Limits()
	en := formatter{tr: s.en}
	kinds := []struct {
		match  bool
		status int
		key    string
		field  string
	}{
		{errors.As(err, &tooBig) || errors.Is(err, files.ErrTooLarge), http.StatusRequestEntityTooLarge, "too_large",
			"is larger than " + en.Size(limits.MaxSize)},
		{errors.Is(err, files.ErrQuota), http.StatusRequestEntityTooLarge, "quota", "would take more than your storage quota"},
		{errors.Is(err, files.ErrType), http.StatusUnsupportedMediaType, "type", "is not a type of file accepted here"},
		{errors.Is(err, files.ErrEmpty), http.StatusUnprocessableEntity, "empty", "is empty"},
		{errors.Is(err, files.ErrName), http.StatusUnprocessableEntity, "name", "has a name with control or invisible characters"},
		{errors.Is(err, files.ErrInfected), http.StatusUnprocessableEntity, "infected", "was refused by the virus scanner"},
		{errors.Is(err, files.ErrScanUnavailable), http.StatusServiceUnavailable, "scan", ""},
		{errors.Is(err, errNoFile), http.StatusUnprocessableEntity, "missing", "is required"},
		{errors.Is(err, errTooManyFiles), http.StatusRequestEntityTooLarge, "too_many", "holds more files than allowed at once"},
		{errors.Is(err, errNotMultipart), http.StatusUnsupportedMediaType, "not_multipart", ""},
		{errors.Is(err, errExtraField), http.StatusBadRequest, "extra_field", ""},
	}
	for _, k := range kinds {
		if k.match {
			he := &httpError{Status: k.status, Title: "files.error." + k.key + ".title", Detail: "files.error." + k.key + ".detail", err: err}
			if k.field != "" {
				he.Fields = map[string]string{"file": k.field}
			}
			return he
		}
	}
	if errors.Is(err, connectors.ErrUnavailable) || errors.Is(err, connectors.ErrInvalid) {
		return toHTTPError(err)
	}
	return toHTTPError(bodyError(err)) // the request itself could not be read
}
