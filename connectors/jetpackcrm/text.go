package jetpackcrm

import (
	"strings"

	"golang.org/x/net/html"
)

// plainText turns an HTML fragment (a quote's content, an error page) into
// its visible text, entities decoded, scripts and styles dropped. The
// result is text: the portal escapes it again when it renders it.
func plainText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr":
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head":
				skip = max(skip-1, 0)
			}
		}
	}
}

// stripTags removes what PHP's strip_tags removes from a value written
// through the API: everything from a '<' to the next '>' (or to the end).
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}
