package documents

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Options configures a Renderer.
type Options struct {
	// Fallbacks are fonts for characters Go's fonts lack, tried in order
	// (for example a CJK font such as Droid Sans Fallback).
	Fallbacks []Font
	// Now dates the PDFs; default time.Now.
	Now func() time.Time
}

// Renderer draws Documents as A4 PDFs. It is safe for concurrent use.
type Renderer struct {
	regular, bold face
	fallbacks     []face
	now           func() time.Time
}

// New parses the fonts and returns a Renderer.
func New(opts Options) (*Renderer, error) {
	regular, bold, err := goFaces()
	if err != nil {
		return nil, err
	}
	r := &Renderer{regular: regular, bold: bold, now: opts.Now}
	if r.now == nil {
		r.now = time.Now
	}
	for _, f := range opts.Fallbacks {
		fc, err := parseFace(f.Name, f.TTF)
		if err != nil {
			return nil, err
		}
		r.fallbacks = append(r.fallbacks, fc)
	}
	return r, nil
}

// Page geometry in millimetres and type sizes in points.
const (
	margin     = 16.0
	bottomEdge = 20.0 // room for the footer
	bodySize   = 9.0
	smallSize  = 7.5
	lineH      = 4.4
)

// pdfDoc is one PDF being drawn.
type pdfDoc struct {
	r       *Renderer
	f       *fpdf.Fpdf
	y       float64
	pageH   float64
	width   float64 // between the margins
	onBreak func()  // called on each new page after the first
}

// Render writes d as a PDF to w. Text the fonts cannot draw is replaced
// (see clean); a failure of the PDF library is an error, never a panic.
func (r *Renderer) Render(w io.Writer, d Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("documents: the PDF library failed: %v", p)
		}
	}()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, 0)
	now := r.now()
	f.SetCreationDate(now)
	f.SetModificationDate(now)
	f.SetTitle(clean(d.Title), true)
	f.SetAuthor(clean(d.Seller.Name), true)
	f.SetCreator("clientgate", true)
	f.SetLang(d.Language)
	f.AddUTF8FontFromBytes("go", "", r.regular.ttf)
	f.AddUTF8FontFromBytes("go", "B", r.bold.ttf)
	for i := range r.needed(d) {
		f.AddUTF8FontFromBytes("fb"+strconv.Itoa(i), "", r.fallbacks[i].ttf)
	}
	f.AliasNbPages("{nb}")
	_, pageH := f.GetPageSize()
	p := &pdfDoc{r: r, f: f, pageH: pageH, width: 210 - 2*margin}
	f.SetFooterFunc(func() { p.footer(d) })
	f.AddPage()
	p.y = margin
	p.document(d)
	if err := f.Error(); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("documents: make pdf: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("documents: write pdf: %w", err)
	}
	return nil
}

// needed returns the fallback fonts d's texts use.
func (r *Renderer) needed(d Document) map[int]bool {
	used := map[int]bool{}
	for _, s := range d.texts() {
		for _, c := range clean(s) {
			if i := r.fontFor(c); i >= 0 {
				used[i] = true
			}
		}
	}
	return used
}

// texts lists every text of the document.
func (d Document) texts() []string {
	out := []string{d.Title, d.Heading, d.Number, d.Subject, d.Footer, d.PageLabel}
	out = append(out, d.Columns[:]...)
	for _, p := range []Party{d.Seller, d.Buyer} {
		out = append(append(out, p.Caption, p.Name), p.Lines...)
	}
	for _, f := range append(append([]Field{}, d.Meta...), d.Summary...) {
		out = append(out, f.Label, f.Value)
	}
	for _, r := range d.Rows {
		out = append(out, r.Title, r.Description, r.Quantity, r.UnitPrice, r.TaxRate, r.Amount)
	}
	for _, s := range d.Sections {
		out = append(out, s.Title, s.Text)
	}
	return out
}

// setFont selects Go's font (font -1, bold or not) or a fallback (which
// has no bold face).
func (d *pdfDoc) setFont(font int, bold bool, size float64) {
	switch {
	case font >= 0:
		d.f.SetFont("fb"+strconv.Itoa(font), "", size)
	case bold:
		d.f.SetFont("go", "B", size)
	default:
		d.f.SetFont("go", "", size)
	}
}

// room starts a new page unless h millimetres fit above the footer.
func (d *pdfDoc) room(h float64) {
	if d.y+h <= d.pageH-bottomEdge {
		return
	}
	d.f.AddPage()
	d.y = margin
	if d.onBreak != nil {
		d.onBreak()
	}
}

// para writes wrapped text at x, width w, moving y down; lines go onto
// new pages as needed.
func (d *pdfDoc) para(text string, x, w float64, bold bool, size float64) {
	for _, line := range d.wrap(text, bold, size, w) {
		d.room(lineH)
		d.draw(line, x, d.y, lineH, bold, size)
		d.y += lineH
	}
}

// right writes one line of text right-aligned to the edge x+w.
func (d *pdfDoc) right(text string, x, w, y float64, bold bool, size float64) {
	for _, line := range d.wrap(text, bold, size, w) {
		d.draw(line, x+w-line.width, y, lineH, bold, size)
		y += lineH
	}
}

// footer writes the footer text and the page number.
func (d *pdfDoc) footer(doc Document) {
	y := d.pageH - 12
	d.f.SetTextColor(90, 90, 90)
	defer d.f.SetTextColor(0, 0, 0)
	if doc.Footer != "" {
		for _, line := range d.wrap(doc.Footer, false, smallSize, d.width*0.7) {
			d.draw(line, margin, y, lineH, false, smallSize)
			break
		}
	}
	label := doc.PageLabel
	if label == "" {
		label = "%d / %d"
	}
	const sentinel = 987654321
	page := strings.Replace(fmt.Sprintf(label, d.f.PageNo(), sentinel), strconv.Itoa(sentinel), "{nb}", 1)
	d.right(page, margin, d.width, y, false, smallSize)
}
