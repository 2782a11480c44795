package portal

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"clientgate/connectors/files"
)

// attachPost makes a post with attachments from a multipart request: it
// chooses the post's ID, stores the request's "file" parts as files of
// that post (uploaded by by), hands the text fields (only the allowed
// names) to create, which makes the post with that ID, and removes the
// files again when create fails, so that nothing is half stored. It
// returns what create returned, the stored files and the text fields
// read (also on failure, to show the form again). Without a library the
// portal takes no multipart posts (errMediaType).
func attachPost[T any](s *server, c *gin.Context, by files.Uploader, allowed []string,
	create func(postID string, fields map[string]string) (T, error)) (T, []files.File, map[string]string, error) {
	var zero T
	fields := map[string]string{}
	if s.files == nil {
		return zero, nil, fields, errMediaType
	}
	postID := uuid.NewString()
	got, err := s.receive(c, receiver{by: by, owner: fixedOwner(files.Owner{Kind: files.OwnerPost, ID: postID}),
		optional: true, field: allowFields(fields, allowed)})
	if err != nil {
		return zero, nil, fields, err
	}
	stored := storedFiles(got)
	out, err := create(postID, fields)
	if err != nil {
		s.removeStored(c.Request.Context(), stored)
		return zero, nil, fields, err
	}
	return out, stored, fields, nil
}

// allowFields collects text fields of the allowed names into fields.
func allowFields(fields map[string]string, allowed []string) func(name, value string) error {
	return func(name, value string) error {
		if !slices.Contains(allowed, name) {
			return fmt.Errorf("%w: %q", errExtraField, name)
		}
		fields[name] = value
		return nil
	}
}

// isFileProblem reports whether err is about the files of a request (a
// refusal, a missing or extra file, a request too large), which the
// upload messages explain, rather than about its text or the stores.
func isFileProblem(err error) bool {
	var tooBig *http.MaxBytesError
	return files.Refusal(err) != nil || errors.As(err, &tooBig) || errors.Is(err, errNoFile) ||
		errors.Is(err, errTooManyFiles) || errors.Is(err, errExtraField) || errors.Is(err, errNotMultipart)
}

// failPost answers a refused API post: the upload's message for a file
// problem (after reading what is left of the request), else err's.
func (s *server) failPost(c *gin.Context, err error) {
	if isFileProblem(err) {
		drainUpload(c)
		err = s.uploadError(err)
	}
	s.fail(c, err)
}
