package config

import (
	"fmt"
	"os"
	"strings"
)

// DocumentsConfig configures invoice and quote documents (PDF).
type DocumentsConfig struct {
	// Fonts are TrueType (.ttf) files for the characters Go's built-in
	// fonts lack (they cover Latin, Greek and Cyrillic): Chinese, Japanese,
	// Korean, Arabic, Hebrew, Thai…, tried in order, character by
	// character. Debian's fonts-droid-fallback has
	// /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf for CJK.
	Fonts []string `yaml:"fonts"`
}

func (d DocumentsConfig) validate(p *Problems) {
	for i, path := range d.Fonts {
		key := fmt.Sprintf("documents.fonts[%d]", i)
		if !strings.HasSuffix(strings.ToLower(path), ".ttf") {
			p.add(key, "%q is not a TrueType font file (.ttf)", path)
			continue
		}
		if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
			p.add(key, "%q cannot be read: %v", path, statProblem(err))
		}
	}
}

// statProblem says why a path is not a readable file.
func statProblem(err error) string {
	if err == nil {
		return "not a regular file"
	}
	return err.Error()
}
