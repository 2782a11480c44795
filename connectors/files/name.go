package files

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"clientgate/connectors"
)

// MaxNameBytes bounds a cleaned file name, as most file systems do.
const MaxNameBytes = 255

// maxExtBytes is the longest extension kept whole when a name is cut.
const maxExtBytes = 16

// fallbackName names a file whose name has nothing left once cleaned.
const fallbackName = "file"

// CleanName returns a file name safe to store, show and offer for
// download, made from the name a browser, a command line or an API
// client gave: it refuses (ErrName) invalid UTF-8, control characters,
// and bidirectional overrides, embeddings and isolates (connectors.
// CheckText), which could make "invoice‮fdp.exe" show as
// "invoiceexe.pdf"; it keeps only the last path element (a browser may
// send "C:\Users\me\scan.pdf", an attacker "../../etc/passwd"); it
// replaces the characters Windows refuses in names (<>:"|?*) with "_",
// trims spaces and dots at both ends (a leading dot hides a file on
// Unix), prefixes "_" to the names Windows reserves (CON, NUL, COM1, ...
// with any extension), and cuts names longer than MaxNameBytes keeping
// their extension. Letters of every script are kept, in Unicode NFC
// form. A name with nothing left becomes "file".
func CleanName(raw string) (string, error) {
	if err := connectors.CheckText(raw, connectors.TextRule{}); err != nil {
		return "", fmt.Errorf("%w: %s", ErrName, connectors.TextProblem(err))
	}
	name := norm.NFC.String(raw)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, " .")
	if name == "" {
		return fallbackName, nil
	}
	if reservedOnWindows(name) {
		name = "_" + name
	}
	return cutName(name, MaxNameBytes), nil
}

// reservedOnWindows reports whether name's part before its first dot is
// a device name Windows reserves.
func reservedOnWindows(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		return stem[3] >= '0' && stem[3] <= '9'
	}
	return false
}

// cutName shortens name to at most limit bytes on a rune boundary,
// keeping a short extension.
func cutName(name string, limit int) string {
	if len(name) <= limit {
		return name
	}
	ext := path.Ext(name)
	if len(ext) > maxExtBytes || len(ext) == len(name) {
		ext = ""
	}
	stem := name[:len(name)-len(ext)]
	n := limit - len(ext)
	for n > 0 && !utf8.RuneStart(stem[n]) {
		n--
	}
	return strings.TrimRight(stem[:n], " .") + ext
}
