package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.StaffDirectory = (*Store)(nil)

// SaveStaffMember records a staff sign-in.
func (s *Store) SaveStaffMember(ctx context.Context, m bridge.StaffRecord) error {
	if m.ID == "" || !validText(m.ID, m.Name, m.Email) || len(m.ID) > 4*connectors.MaxAuthorLength {
		return wrap("save staff member", fmt.Errorf("%w: a staff member needs an ID, as valid text", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO staff_members (id, name, email, last_seen) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, last_seen = excluded.last_seen`,
		m.ID, m.Name, m.Email, s.d.ts(m.LastSeen))
	return ctxWrap(ctx, "save staff member", err)
}

func scanStaff(r interface{ Scan(...any) error }) (bridge.StaffRecord, error) {
	var m bridge.StaffRecord
	err := r.Scan(&m.ID, &m.Name, &m.Email, tm(&m.LastSeen))
	return m, err
}

// StaffMembers lists the staff by name.
func (s *Store) StaffMembers(ctx context.Context) ([]bridge.StaffRecord, error) {
	out, err := collect(ctx, s, `SELECT id, name, email, last_seen FROM staff_members ORDER BY name, id`, nil,
		func(r *sql.Rows) (bridge.StaffRecord, error) { return scanStaff(r) })
	return out, ctxWrap(ctx, "staff members", err)
}

// StaffMember returns one member by ID.
func (s *Store) StaffMember(ctx context.Context, id string) (bridge.StaffRecord, error) {
	if !validText(id) {
		return bridge.StaffRecord{}, wrap("staff member", sql.ErrNoRows)
	}
	m, err := scanStaff(s.row(ctx, s.db, `SELECT id, name, email, last_seen FROM staff_members WHERE id = ?`, id))
	return m, ctxWrap(ctx, "staff member", err)
}
