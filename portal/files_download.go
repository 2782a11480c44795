package portal

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/files"
)

// downloadCSP is the Content-Security-Policy of a downloaded file: it may
// load nothing and, if a browser ever renders it, runs sandboxed (no
// scripts, no forms, a unique origin).
const downloadCSP = "default-src 'none'; sandbox"

// fileDownload answers GET /clients/files/:id and /api/v1/files/:id with
// the file's content as an attachment, of the type stored when it was
// uploaded (detected from its content), to its owner only: another
// contact's or company's file is 404, like an unknown ID.
func (s *server) fileDownload(c *gin.Context) {
	v := viewerOf(c)
	a := fileAccess(v)
	f, err := s.files.Get(c.Request.Context(), a, c.Param("id"))
	if err == nil && !v.modules[fileModule(f)] && !(f.Owner.Kind == files.OwnerPost && v.modules[modMessages]) {
		err = errNotFound
	}
	var body io.ReadCloser
	if err == nil {
		f, body, err = s.files.Download(c.Request.Context(), a, f.ID)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	defer body.Close()
	s.sendFile(c, f, body)
}

// fileModule is the module a file belongs to: the library's files to
// files, attachments to tickets (or messages, which fileDownload also
// accepts).
func fileModule(f files.File) string {
	if f.Owner.Kind == files.OwnerPost {
		return modTickets
	}
	return modFiles
}

// sendFile writes a file's content as an attachment with strict headers.
func (s *server) sendFile(c *gin.Context, f files.File, body io.Reader) {
	h := c.Writer.Header()
	h.Set("Content-Type", f.Type)
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	h.Set("Content-Disposition", attachment(f.Name))
	h.Set("Content-Security-Policy", downloadCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "private, no-store")
	c.Status(http.StatusOK)
	if n, err := io.Copy(c.Writer, body); err != nil {
		s.log.WarnContext(c.Request.Context(), "portal: file download cut short", "file", f.ID, "sent", n,
			"size", f.Size, "err", err.Error())
	}
}

// attachment is the Content-Disposition of a download named name (RFC
// 6266): an ASCII filename for old clients and the exact UTF-8 name as
// filename* (RFC 8187, formerly 5987).
func attachment(name string) string {
	return `attachment; filename="` + asciiName(name) + `"; filename*=UTF-8''` + encodeExtValue(name)
}

// asciiName replaces what a quoted ASCII filename cannot hold with "_".
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == '%' {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// encodeExtValue percent-encodes every byte of s that is not an
// attr-char of RFC 8187.
func encodeExtValue(s string) string {
	const attrChars = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < utf8.RuneSelf && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ||
			strings.IndexByte(attrChars, ch) >= 0) {
			b.WriteByte(ch)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(ch)|0x100, 16)[1:]))
	}
	return b.String()
}
