package portal

import (
	"io"
	"mime/multipart"

	"github.com/gin-gonic/gin"
)

// keyMultipart holds the multipart reader of a request whose first part
// checkCSRF has read.
const keyMultipart = "portal.multipart"

// maxTokenBytes bounds the csrf_token part of a multipart form.
const maxTokenBytes = 256

// multipartToken reads the CSRF token of a multipart form without
// parsing the rest of it (which may be a file of many megabytes): it
// must be the form's first part, named csrf_token, which it is when the
// form's hidden csrf_token input comes before its other fields. The
// reader, positioned after it, is kept for the handler (multipartOf).
func multipartToken(c *gin.Context) (string, error) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return "", err
	}
	c.Set(keyMultipart, mr)
	part, err := mr.NextPart()
	if err != nil {
		return "", nil
	}
	defer part.Close()
	if part.FormName() != "csrf_token" || part.FileName() != "" {
		return "", nil
	}
	token, err := io.ReadAll(io.LimitReader(part, maxTokenBytes))
	return string(token), err
}

// multipartOf returns the request's multipart reader: the one checkCSRF
// started, or a new one (bearer requests, and forms whose token came in
// the header).
func multipartOf(c *gin.Context) (*multipart.Reader, error) {
	if v, ok := c.Get(keyMultipart); ok {
		if mr, ok := v.(*multipart.Reader); ok {
			return mr, nil
		}
	}
	mr, err := c.Request.MultipartReader()
	if err == nil {
		c.Set(keyMultipart, mr)
	}
	return mr, err
}
