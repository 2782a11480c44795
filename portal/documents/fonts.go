package documents

import (
	"fmt"
	"os"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Font is a TrueType font file's bytes, for characters Go's fonts lack.
type Font struct {
	// Name names the font in errors, such as the file's path.
	Name string
	TTF  []byte
}

// LoadFont reads a TrueType (.ttf) font file.
func LoadFont(path string) (Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Font{}, fmt.Errorf("documents: font: %w", err)
	}
	return Font{Name: path, TTF: b}, nil
}

// face is a parsed font: its bytes for fpdf and its glyph table for
// checking which characters it has.
type face struct {
	name string
	ttf  []byte
	font *sfnt.Font
}

func parseFace(name string, ttf []byte) (face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return face{}, fmt.Errorf("documents: font %s: %w", name, err)
	}
	return face{name: name, ttf: ttf, font: f}, nil
}

// has reports whether the font has a glyph for r.
func (f face) has(r rune) bool {
	var b sfnt.Buffer
	i, err := f.font.GlyphIndex(&b, r)
	return err == nil && i != 0
}

// goFaces returns Go's regular and bold fonts.
func goFaces() (regular, bold face, err error) {
	if regular, err = parseFace("Go Regular", goregular.TTF); err == nil {
		bold, err = parseFace("Go Bold", gobold.TTF)
	}
	return regular, bold, err
}

// fontFor returns which font draws r: -1 for Go's, i for fallback i. A
// character no font has is drawn with Go's (its "missing" box), and so
// are spaces and control characters.
func (r *Renderer) fontFor(c rune) int {
	if unicode.IsSpace(c) || unicode.IsControl(c) || r.regular.has(c) {
		return -1
	}
	for i, f := range r.fallbacks {
		if f.has(c) {
			return i
		}
	}
	return -1
}
