package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log/slog"

	"github.com/go-pdf/fpdf"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/sqlstore"
)

// demoFile is a file the demo shares with a person, or their company.
type demoFile struct {
	email   string
	company bool
	name    string
	content func() ([]byte, error)
}

// demoFiles are the demo's documents.
var demoFiles = []demoFile{
	{"zoe@northwind.example", false, "Service agreement 2026.pdf", demoPDF("Service agreement 2026",
		"Between Demo Studio Ltd and Northwind Design GmbH.", "Scope: brand refresh, website design, phase 1 and 2.")},
	{"zoe@northwind.example", false, "Moodboard.png", demoPNG},
	{"zoe@northwind.example", true, "Brand guidelines.pdf", demoPDF("Brand guidelines",
		"Northwind Design GmbH", "Colours, type and logo use for every colleague.")},
	{"priya@brightside.example", false, "Catering contract.pdf", demoPDF("Catering contract",
		"Between Demo Studio Ltd and Brightside Bakery Ltd.", "Weekly deliveries, terms of payment: 14 days.")},
}

// importDemoFiles places the demo's documents in the files library once
// (an earlier run with the same --data directory already did when Zoë
// has files).
func importDemoFiles(ctx context.Context, cfg *config.Config, store *sqlstore.Store, log *slog.Logger) error {
	fs, err := openFiles(ctx, cfg, store, nil, log)
	if err != nil {
		return fmt.Errorf("demo files: %w", err)
	}
	defer fs.close()
	for i, df := range demoFiles {
		c, err := store.FindContactByEmail(ctx, df.email)
		if err != nil {
			return fmt.Errorf("demo files: %w", err)
		}
		owner := files.ContactOwner(c.ID)
		if df.company {
			owner = files.CompanyOwner(c.CompanyID)
		}
		if i == 0 {
			if page, err := fs.lib.OwnerFiles(ctx, owner, connectors.PageRequest{Limit: 1}); err != nil || len(page.Items) > 0 {
				return err
			}
		}
		content, err := df.content()
		if err != nil {
			return fmt.Errorf("demo files: %w", err)
		}
		_, err = fs.lib.Upload(ctx, files.Upload{Owner: owner, Uploader: files.Uploader{Kind: files.ByOperator, Name: "Demo Studio"},
			Name: df.name, Body: bytes.NewReader(content)})
		if err != nil {
			return fmt.Errorf("demo files: %s: %w", df.name, err)
		}
	}
	log.Info("demo files placed", "files", len(demoFiles))
	return nil
}

// demoPDF makes a one-page PDF with a title and lines of text.
func demoPDF(title string, lines ...string) func() ([]byte, error) {
	return func() ([]byte, error) {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetTitle(title, true)
		pdf.AddPage()
		pdf.SetFont("Helvetica", "B", 20)
		pdf.Cell(0, 14, title)
		pdf.Ln(18)
		pdf.SetFont("Helvetica", "", 12)
		for _, l := range lines {
			pdf.Cell(0, 8, l)
			pdf.Ln(9)
		}
		var buf bytes.Buffer
		err := errors.Join(pdf.Output(&buf), pdf.Error())
		return buf.Bytes(), err
	}
}

// demoPNG makes a small image of colour bands.
func demoPNG() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 240, 160))
	bands := []color.RGBA{{0x1d, 0x4e, 0x89, 0xff}, {0x2a, 0x9d, 0x8f, 0xff}, {0xe9, 0xc4, 0x6a, 0xff}, {0xe7, 0x6f, 0x51, 0xff}}
	for y := range 160 {
		for x := range 240 {
			img.Set(x, y, bands[x*len(bands)/240])
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}
