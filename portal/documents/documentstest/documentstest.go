// Package documentstest helps tests check invoice and quote documents
// with instruments the project did not write: the text of a PDF as
// poppler's pdftotext extracts it, and a TrueType font covering Chinese,
// Japanese and Korean (Debian's fonts-droid-fallback). Without them the
// tests skip, unless CI is set: .ci/run installs both.
package documentstest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// EnvCJKFont names the variable holding the CJK test font's path (.ci/run
// sets it).
const EnvCJKFont = "CLIENTGATE_TEST_CJK_FONT"

// defaultCJKFont is where Debian's fonts-droid-fallback puts its font.
const defaultCJKFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// missing skips the test, or fails it when CI is set.
func missing(t testing.TB, what, install string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (.ci/run installs it)", what)
	}
	t.Skipf("%s: %s", what, install)
}

// Text returns the text of pdf in physical layout, as pdftotext -layout
// extracts it.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		missing(t, "pdftotext not installed", "apt-get install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// CJKFontPath returns the path of a TrueType font covering CJK: the
// variable EnvCJKFont, else Debian's Droid Sans Fallback.
func CJKFontPath(t testing.TB) string {
	t.Helper()
	path := os.Getenv(EnvCJKFont)
	if path == "" {
		path = defaultCJKFont
	}
	if _, err := os.Stat(path); err != nil {
		missing(t, "no CJK font ("+err.Error()+")", "apt-get install fonts-droid-fallback or set "+EnvCJKFont)
	}
	return path
}
