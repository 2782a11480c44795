package documents

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// run is text drawn in one font: -1 Go's, else a fallback's index.
type run struct {
	font int
	text string
}

// token is a word (or one CJK character, which may break anywhere) with
// its runs, width, and whether a space precedes it.
type token struct {
	runs  []run
	width float64
	space bool
}

// textLine is one laid-out line.
type textLine struct {
	tokens []token
	width  float64
}

// breaksAnywhere reports whether a line may break before and after r
// (Han, kana and Hangul are written without spaces).
func breaksAnywhere(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// tokens splits a paragraph into tokens.
func (d *pdfDoc) tokens(para string, bold bool, size float64) []token {
	var out []token
	var word strings.Builder
	space := false
	flush := func() {
		if word.Len() > 0 {
			out = append(out, d.token(word.String(), space, bold, size))
			word.Reset()
			space = false
		}
	}
	for _, c := range para {
		switch {
		case unicode.IsSpace(c):
			flush()
			space = len(out) > 0
		case breaksAnywhere(c):
			flush()
			out = append(out, d.token(string(c), space, bold, size))
			space = false
		default:
			word.WriteRune(c)
		}
	}
	flush()
	return out
}

// token measures a word split into runs by font.
func (d *pdfDoc) token(word string, space, bold bool, size float64) token {
	t := token{space: space}
	for _, c := range word {
		font := d.r.fontFor(c)
		if n := len(t.runs); n > 0 && t.runs[n-1].font == font {
			t.runs[n-1].text += string(c)
			continue
		}
		t.runs = append(t.runs, run{font: font, text: string(c)})
	}
	for _, r := range t.runs {
		d.setFont(r.font, bold, size)
		t.width += d.f.GetStringWidth(r.text)
	}
	return t
}

// clean makes text safe to draw: invalid UTF-8 and characters outside
// Unicode's basic plane (emoji; the PDF library handles only the basic
// plane) become "?", tabs spaces, and other control characters are
// dropped; line breaks stay.
func clean(text string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n':
			return c
		case c == '\t':
			return ' '
		case c == utf8.RuneError, c > 0xFFFF:
			return '?'
		case unicode.IsControl(c):
			return -1
		}
		return c
	}, strings.ToValidUTF8(text, "?"))
}

// wrap lays text out in lines at most width wide: paragraphs at line
// breaks, lines at spaces (and anywhere between CJK characters), a word
// longer than a line cut where it must be.
func (d *pdfDoc) wrap(text string, bold bool, size, width float64) []textLine {
	text = clean(text)
	d.setFont(-1, bold, size)
	spaceW := d.f.GetStringWidth(" ")
	var out []textLine
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := textLine{}
		for _, t := range d.tokens(para, bold, size) {
			for _, piece := range d.cut(t, bold, size, width) {
				gap := 0.0
				if piece.space && len(line.tokens) > 0 {
					gap = spaceW
				}
				if len(line.tokens) > 0 && line.width+gap+piece.width > width {
					out = append(out, line)
					line, gap = textLine{}, 0
				}
				if len(line.tokens) == 0 {
					piece.space = false
				}
				line.tokens = append(line.tokens, piece)
				line.width += gap + piece.width
			}
		}
		out = append(out, line)
	}
	return out
}

// cut splits a token wider than width into pieces that fit.
func (d *pdfDoc) cut(t token, bold bool, size, width float64) []token {
	if t.width <= width {
		return []token{t}
	}
	var out []token
	cur := token{space: t.space}
	for _, r := range t.runs {
		for _, c := range r.text {
			piece := d.token(string(c), false, bold, size)
			if cur.width > 0 && cur.width+piece.width > width {
				out = append(out, cur)
				cur = token{}
			}
			cur.runs = append(cur.runs, piece.runs...)
			cur.width += piece.width
		}
	}
	return append(out, cur)
}

// draw writes a laid-out line with its left edge at x and its top at y,
// in a line of height h.
func (d *pdfDoc) draw(line textLine, x, y, h float64, bold bool, size float64) {
	d.setFont(-1, bold, size)
	spaceW := d.f.GetStringWidth(" ")
	for i, t := range line.tokens {
		if t.space && i > 0 {
			x += spaceW
		}
		for _, r := range t.runs {
			d.setFont(r.font, bold, size)
			w := d.f.GetStringWidth(r.text)
			d.f.SetXY(x, y)
			d.f.CellFormat(w, h, r.text, "", 0, "L", false, 0, "")
			x += w
		}
	}
}
