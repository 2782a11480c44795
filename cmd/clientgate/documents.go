package main

import (
	"fmt"

	"clientgate/config"
	"clientgate/portal/documents"
)

// buildDocuments builds the invoice and quote PDF renderer, with the
// fallback fonts of documents.fonts for scripts Go's fonts lack.
func buildDocuments(c config.DocumentsConfig) (*documents.Renderer, error) {
	var fonts []documents.Font
	for _, path := range c.Fonts {
		f, err := documents.LoadFont(path)
		if err != nil {
			return nil, fmt.Errorf("documents.fonts: %w", err)
		}
		fonts = append(fonts, f)
	}
	r, err := documents.New(documents.Options{Fallbacks: fonts})
	if err != nil {
		return nil, fmt.Errorf("documents.fonts: %w", err)
	}
	return r, nil
}
