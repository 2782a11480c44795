package files

import (
	"fmt"
	"mime"
	"path"
	"slices"
	"strings"

	"github.com/gabriel-vasile/mimetype"
)

// DetectBytes is how much of a file's beginning type detection reads
// (mimetype's default read limit).
const DetectBytes = 3072

// DefaultTypes is the default allowlist (files.types): documents,
// spreadsheets and presentations (PDF, OOXML, OpenDocument), photos and
// images (no SVG, which can hold scripts) and plain text. Archives,
// HTML, scripts and executables are left out.
var DefaultTypes = []string{
	"application/pdf",
	"image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/heif",
	"text/plain", "text/csv",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"application/vnd.oasis.opendocument.text",
	"application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.presentation",
}

// KnownType reports whether t is a plain media type ("type/subtype",
// without parameters) that detection can recognise, so that an
// allowlist entry can ever match.
func KnownType(t string) bool {
	base, params, err := mime.ParseMediaType(t)
	return err == nil && len(params) == 0 && base == strings.ToLower(t) && mimetype.Lookup(base) != nil
}

// Types is an allowlist of media types, checked against the type
// detected from a file's content (never the name's extension or the
// type a client declares).
type Types struct {
	allowed []string
}

// NewTypes builds the allowlist; an entry KnownType refuses is an error.
func NewTypes(list []string) (Types, error) {
	var bad []string
	for _, t := range list {
		if !KnownType(t) {
			bad = append(bad, fmt.Sprintf("%q", t))
		}
	}
	if len(bad) > 0 {
		return Types{}, fmt.Errorf("files: unknown media types %s", strings.Join(bad, ", "))
	}
	if len(list) == 0 {
		return Types{}, fmt.Errorf("files: the allowlist of types is empty")
	}
	return Types{allowed: slices.Clone(list)}, nil
}

// Allowed returns the allowlist.
func (t Types) Allowed() []string { return slices.Clone(t.allowed) }

// Detected is the type of a file's content.
type Detected struct {
	// Type is the media type, with parameters such as a text charset.
	Type string
	// Extension is the type's usual extension with its dot (".pdf").
	Extension string
}

// Check detects the type of content from its first bytes (head, at
// least DetectBytes of them unless the content is shorter) and returns
// it, or ErrType (wrapped, with the detected type) when the allowlist
// does not hold it. Exact types count: text/plain does not let HTML in,
// nor does a ZIP entry let in the Office formats built on ZIP.
func (t Types) Check(head []byte) (Detected, error) {
	m := mimetype.Detect(head)
	d := Detected{Type: m.String(), Extension: m.Extension()}
	for _, a := range t.allowed {
		if m.Is(a) {
			return d, nil
		}
	}
	return d, fmt.Errorf("%w (detected %s)", ErrType, d.Type)
}

// extensionAliases are the other extensions a type's files usually have.
var extensionAliases = map[string][]string{
	"image/jpeg": {".jpeg", ".jpe", ".jfif"},
	"image/tiff": {".tif"},
	"text/plain": {".text", ".log", ".md", ".csv"},
	"image/heif": {".heic"},
	"image/heic": {".heif"},
}

// FitExtension returns name with an extension that fits the detected
// type: unchanged when its extension (any case) is the type's own or a
// usual alias, else with the type's extension added, so that a text file
// named "run.bat" or "page.html" is saved as "run.bat.txt" and opened by
// an editor, never run or rendered by what its name would choose.
func FitExtension(name string, d Detected) string {
	if d.Extension == "" {
		return name
	}
	ext := strings.ToLower(path.Ext(name))
	base, _, _ := mime.ParseMediaType(d.Type)
	if ext == d.Extension || slices.Contains(extensionAliases[base], ext) {
		return name
	}
	return cutName(name, MaxNameBytes-len(d.Extension)) + d.Extension
}
