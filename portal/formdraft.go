package portal

import (
	"crypto/rand"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// draftCookie holds the ID of a kept form draft.
const draftCookie = "clientgate_form"

// draftTTL is how long a kept form waits for its client to sign in again.
const draftTTL = 30 * time.Minute

// keepForm is the auth.FormKeeper: a form posted when the session has
// ended is kept in the bridge store, its ID in a cookie, and the client
// comes back to the form's page after signing in (takeFormDraft fills
// the form again). It returns "" for requests that are no form post.
func (s *server) keepForm(c *gin.Context) string {
	if c.Request.Method != http.MethodPost {
		return ""
	}
	var values url.Values
	switch c.ContentType() {
	case "application/x-www-form-urlencoded":
		values = postedValues(c)
	case "multipart/form-data":
		values = multipartValues(c)
	default:
		return ""
	}
	back := s.formPage(c)
	if len(values) == 0 {
		return back
	}
	now := s.now()
	d := bridge.FormDraft{ID: randomID(), Path: back, Values: values, Created: now}
	if err := s.store.SaveFormDraft(c.Request.Context(), d, now.Add(-draftTTL)); err != nil {
		s.log.WarnContext(c.Request.Context(), "portal: keep form draft", "request_id", requestID(c), "err", err.Error())
		return back
	}
	s.setDraftCookie(c, d.ID, int(draftTTL.Seconds()))
	return back
}

// formPage is the page the posted form came from: the Referer when it is
// a page of this portal on this host, else the request's own path.
func (s *server) formPage(c *gin.Context) string {
	ref, err := url.Parse(c.GetHeader("Referer"))
	if err == nil && ref.Host == c.Request.Host && ref.RawQuery == "" {
		if p := s.localPath(ref.Path); p == ref.Path {
			return p
		}
	}
	return s.localPath(c.Request.URL.Path)
}

// takeFormDraft returns the values of the draft kept for this page, once:
// the draft is deleted and its cookie cleared.
func (s *server) takeFormDraft(c *gin.Context) (url.Values, bool) {
	id, err := c.Cookie(draftCookie)
	if err != nil || id == "" {
		return nil, false
	}
	s.setDraftCookie(c, "", -1)
	d, err := s.store.TakeFormDraft(c.Request.Context(), id, s.now().Add(-draftTTL))
	if err != nil || d.Path != c.Request.URL.Path {
		return nil, false
	}
	return d.Values, true
}

// setDraftCookie sets (maxAge > 0) or clears the draft cookie.
func (s *server) setDraftCookie(c *gin.Context, id string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: draftCookie, Value: id, Path: s.base + "/", MaxAge: maxAge,
		HttpOnly: true, Secure: strings.HasPrefix(s.publicURL, "https://"), SameSite: http.SameSiteLaxMode})
}

// randomID returns 32 random bytes, base64url-encoded.
func randomID() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// postedValues are an urlencoded form's fields but its CSRF token.
func postedValues(c *gin.Context) url.Values {
	values := url.Values{}
	if err := c.Request.ParseForm(); err != nil {
		return values
	}
	for k, v := range c.Request.PostForm {
		if k != "csrf_token" {
			values[k] = v
		}
	}
	return values
}

// multipartValues are a multipart form's text fields up to its first
// file (files cannot be kept; the forms put their text first), but its
// CSRF token.
func multipartValues(c *gin.Context) url.Values {
	values := url.Values{}
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return values
	}
	for n := 0; n < maxUploadParts; n++ {
		part, err := mr.NextPart()
		if err != nil || part.FileName() != "" {
			return values
		}
		v, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
		part.Close()
		if err != nil || len(v) > maxFieldBytes {
			return values
		}
		if name := part.FormName(); name != "csrf_token" {
			values.Add(name, string(v))
		}
	}
	return values
}
