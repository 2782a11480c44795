package auth

import (
	"net/url"
	"strings"
)

// maxNextLen bounds the length of a "next" path.
const maxNextLen = 2048

// home is the portal's home page.
func (s *Service) home() string { return s.opts.BasePath + "/" }

// safeNext returns raw when it is a local path inside the portal, else
// the portal home. It refuses anything a browser could read as another
// host: "//evil", "https://evil", "/\evil", control characters, and the
// same in percent-encoded form.
func (s *Service) safeNext(raw string) string {
	if raw == "" || len(raw) > maxNextLen || strings.ContainsRune(raw, ' ') || !localPath(raw) {
		return s.home()
	}
	decoded, err := url.PathUnescape(raw)
	if err != nil || !localPath(decoded) {
		return s.home()
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return s.home()
	}
	if !s.underPortal(u.Path) {
		return s.home()
	}
	if strings.Contains(u.Path, "/../") || strings.HasSuffix(u.Path, "/..") {
		return s.home()
	}
	return raw
}

// localPath reports whether p starts with exactly one "/" and holds no
// backslash or control character.
func localPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return false
	}
	for _, r := range p {
		if r == '\\' || r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// underPortal reports whether path is under BasePath (anywhere when it is
// "") or StaffPath.
func (s *Service) underPortal(path string) bool {
	under := func(base string) bool { return path == base || strings.HasPrefix(path, base+"/") }
	return s.opts.BasePath == "" || under(s.opts.BasePath) || s.opts.StaffPath != "" && under(s.opts.StaffPath)
}
