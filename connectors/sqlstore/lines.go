package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"clientgate/connectors"
)

// lineTable names a table of line items and its parent column.
type lineTable struct{ table, parent string }

var (
	invoiceLines = lineTable{"invoice_lines", "invoice_id"}
	quoteLines   = lineTable{"quote_lines", "quote_id"}
)

// loadLines returns the line items of the given parents, by parent ID, in
// position order. Amounts take their parent's currency from currencies.
func (s *Store) loadLines(ctx context.Context, q querier, lt lineTable, currencies map[string]string) (map[string][]connectors.LineItem, error) {
	if len(currencies) == 0 {
		return nil, nil
	}
	ids := make([]any, 0, len(currencies))
	for id := range currencies {
		ids = append(ids, id)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	rows, err := s.query(ctx, q, `SELECT `+lt.parent+`, title, description, quantity, unit_price, total, tax_rate, tax FROM `+lt.table+
		` WHERE `+lt.parent+` IN (`+marks+`) ORDER BY `+lt.parent+`, position`, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]connectors.LineItem{}
	for rows.Next() {
		var parent string
		var l connectors.LineItem
		if err := rows.Scan(&parent, &l.Title, &l.Description, &l.Quantity, &l.UnitPrice.Minor, &l.Total.Minor, &l.TaxRate, optMoney{&l.Tax}); err != nil {
			return nil, err
		}
		l.UnitPrice.Currency, l.Total.Currency = currencies[parent], currencies[parent]
		if l.Tax.Currency != "" {
			l.Tax.Currency = currencies[parent]
		}
		out[parent] = append(out[parent], l)
	}
	return out, rows.Err()
}

// saveLines replaces the line items of one parent.
func (s *Store) saveLines(ctx context.Context, tx *sql.Tx, lt lineTable, parent string, lines []connectors.LineItem) error {
	if _, err := s.exec(ctx, tx, `DELETE FROM `+lt.table+` WHERE `+lt.parent+` = ?`, parent); err != nil {
		return err
	}
	for i, l := range lines {
		_, err := s.exec(ctx, tx, `INSERT INTO `+lt.table+` (`+lt.parent+`, position, title, description, quantity, unit_price, total, tax_rate, tax)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, parent, i, l.Title, l.Description, l.Quantity, l.UnitPrice.Minor, l.Total.Minor,
			l.TaxRate, nullMoney(l.Tax))
		if err != nil {
			return err
		}
	}
	return nil
}
