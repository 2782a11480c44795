// Package documents makes invoice and quote documents a client can file:
// the seller's and the buyer's blocks with their tax IDs, number and
// dates, the lines with quantity, unit price, tax rate and amount, the
// tax per rate, total, amount paid and amount due, status, notes and
// payment instructions.
//
// Build turns portal data into a Document whose every text is formatted
// (by the Labels and Formatter passed in, so the portal's locale and
// message catalogs decide the words, amounts and dates); Renderer draws a
// Document as a PDF with github.com/go-pdf/fpdf and Go's own embedded
// fonts (golang.org/x/image/font/gofont), with no external program. The
// HTML print view can show the same Document.
//
// Go's fonts cover Latin, Greek and Cyrillic (WGL4), not Chinese,
// Japanese or Korean; Options.Fallbacks takes TrueType fonts for other
// scripts (Debian's fonts-droid-fallback covers CJK), used character by
// character where the Go font has no glyph.
package documents
