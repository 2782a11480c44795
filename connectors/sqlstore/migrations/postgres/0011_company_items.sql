-- A contact's company items can be switched off against the portal's
-- default (contact_settings.see_company_items switches them on).
ALTER TABLE contact_settings ADD COLUMN hide_company_items BOOLEAN NOT NULL DEFAULT FALSE;
