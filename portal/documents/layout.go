package documents

// document draws the whole document.
func (d *pdfDoc) document(doc Document) {
	d.header(doc)
	d.y += 4
	d.party(doc.Buyer, margin, d.width*0.6)
	d.y += 6
	d.table(doc)
	d.y += 3
	d.summary(doc.Summary)
	for _, s := range doc.Sections {
		d.y += 4
		d.room(float64(min(len(d.wrap(s.Text, false, bodySize, d.width)), 6)+1) * lineH) // title with its first lines
		d.para(s.Title, margin, d.width, true, bodySize)
		d.para(s.Text, margin, d.width, false, bodySize)
	}
}

// header draws the seller on the left and the heading, number and facts
// on the right.
func (d *pdfDoc) header(doc Document) {
	top := d.y
	d.party(doc.Seller, margin, d.width*0.5)
	left := d.y
	d.y = top
	x, w := margin+d.width*0.55, d.width*0.45
	d.right(doc.Heading, x, w, d.y, true, 18)
	d.y += 8
	d.right(doc.Number, x, w, d.y, true, 11)
	d.y += 6
	if doc.Subject != "" {
		for _, line := range d.wrap(doc.Subject, false, bodySize, w) {
			d.draw(line, x+w-line.width, d.y, lineH, false, bodySize)
			d.y += lineH
		}
	}
	d.facts(doc.Meta, x, w)
	d.y = max(d.y, left)
}

// facts draws label-value pairs, labels left and values right-aligned
// in the box x..x+w.
func (d *pdfDoc) facts(fs []Field, x, w float64) {
	for _, f := range fs {
		d.room(lineH)
		d.para(f.Label, x, w*0.45, false, bodySize)
		d.y -= lineH
		d.right(f.Value, x+w*0.45, w*0.55, d.y, f.Strong, bodySize)
		d.y += lineH
	}
}

// party draws a caption, a name and lines in the box starting at x.
func (d *pdfDoc) party(p Party, x, w float64) {
	if p.Caption != "" {
		d.f.SetTextColor(90, 90, 90)
		d.para(p.Caption, x, w, false, smallSize)
		d.f.SetTextColor(0, 0, 0)
	}
	d.para(p.Name, x, w, true, 10)
	for _, line := range p.Lines {
		d.para(line, x, w, false, bodySize)
	}
}

// columns are the table's column widths as shares of the page width.
var columns = [5]float64{0.48, 0.09, 0.16, 0.09, 0.18}

// table draws the line items; its heading is repeated on every new page.
func (d *pdfDoc) table(doc Document) {
	heading := func() {
		d.row(doc.Columns[:], true)
		d.f.Line(margin, d.y, margin+d.width, d.y)
		d.y += 1
	}
	d.room(3 * lineH)
	heading()
	d.onBreak = heading
	for _, r := range doc.Rows {
		d.item(r)
	}
	d.onBreak = nil
	d.f.Line(margin, d.y, margin+d.width, d.y)
}

// row draws one line of cells: the first left-aligned, the rest right.
func (d *pdfDoc) row(cells []string, bold bool) {
	d.room(lineH)
	x := margin
	for i, c := range cells {
		w := columns[i] * d.width
		if i == 0 {
			for _, line := range d.wrap(c, bold, bodySize, w-2) {
				d.draw(line, x, d.y, lineH, bold, bodySize)
				break
			}
		} else {
			d.right(c, x, w, d.y, bold, bodySize)
		}
		x += w
	}
	d.y += lineH
}

// item draws a line item: the figures on its first line, its title in
// bold and its description wrapped below, across pages if need be.
func (d *pdfDoc) item(r Row) {
	d.y += 1
	d.row([]string{"", r.Quantity, r.UnitPrice, r.TaxRate, r.Amount}, false)
	d.y -= lineH
	w := columns[0]*d.width - 2
	d.para(r.Title, margin, w, true, bodySize)
	if r.Description != "" {
		d.f.SetTextColor(60, 60, 60)
		d.para(r.Description, margin, w, false, bodySize)
		d.f.SetTextColor(0, 0, 0)
	}
}

// summary draws the totals right-aligned under the table.
func (d *pdfDoc) summary(fs []Field) {
	x, w := margin+d.width*0.45, d.width*0.55
	d.room(float64(len(fs))*lineH + 2) // keep the totals together
	for _, f := range fs {
		d.room(lineH + 1)
		if f.Strong {
			d.f.Line(x, d.y, x+w, d.y)
			d.y += 1
		}
		labels := d.wrap(f.Label, f.Strong, bodySize, w*0.62)
		for i, line := range labels {
			d.draw(line, x, d.y+float64(i)*lineH, lineH, f.Strong, bodySize)
		}
		d.right(f.Value, x+w*0.62, w*0.38, d.y, f.Strong, bodySize)
		d.y += float64(max(len(labels), 1)) * lineH
	}
}
