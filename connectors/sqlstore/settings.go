package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// ContactSettings returns a contact's settings; the zero value with
// ContactID set when none are stored.
func (s *Store) ContactSettings(ctx context.Context, contactID string) (bridge.ContactSettings, error) {
	cs := bridge.ContactSettings{ContactID: contactID}
	if !validText(contactID) {
		return cs, ctxWrap(ctx, "contact settings", nil)
	}
	var modules []byte
	err := s.row(ctx, s.db, `SELECT portal_disabled, modules, see_company_items, hide_company_items FROM contact_settings WHERE contact_id = ?`,
		contactID).Scan(&cs.PortalDisabled, &modules, &cs.SeeCompanyItems, &cs.HideCompanyItems)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return cs, nil
	case err != nil:
		return cs, ctxWrap(ctx, "contact settings", err)
	}
	if err := json.Unmarshal(modules, &cs.Modules); err != nil {
		return cs, wrap("contact settings", fmt.Errorf("stored modules: %w", err))
	}
	if len(cs.Modules) == 0 {
		cs.Modules = nil
	}
	return cs, nil
}

// SaveContactSettings stores a contact's settings, replacing earlier ones.
func (s *Store) SaveContactSettings(ctx context.Context, cs bridge.ContactSettings) error {
	if cs.ContactID == "" || !validText(cs.ContactID) {
		return wrap("save contact settings", fmt.Errorf("%w: settings need a contact", connectors.ErrInvalid))
	}
	modules := cs.Modules
	if modules == nil {
		modules = map[string]bool{}
	}
	raw, err := json.Marshal(modules)
	if err != nil {
		return wrap("save contact settings", err)
	}
	_, err = s.exec(ctx, s.db, `INSERT INTO contact_settings (contact_id, portal_disabled, modules, see_company_items,
		hide_company_items, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (contact_id) DO UPDATE SET portal_disabled = excluded.portal_disabled, modules = excluded.modules,
		see_company_items = excluded.see_company_items, hide_company_items = excluded.hide_company_items,
		updated_at = excluded.updated_at`,
		cs.ContactID, cs.PortalDisabled, string(raw), cs.SeeCompanyItems, cs.HideCompanyItems, s.d.ts(time.Now()))
	return ctxWrap(ctx, "save contact settings", err)
}
