package bridge

import (
	"context"
	"time"
)

// FormDraft is what a client typed into a form whose submission found
// their session ended, kept across the sign-in round trip.
type FormDraft struct {
	// ID is a random token; the browser holds it in a cookie.
	ID string `json:"id"`
	// Path is the page of the form, such as "/clients/details/edit".
	Path string `json:"path"`
	// Values are the submitted fields, without the CSRF token.
	Values map[string][]string `json:"values"`
	// Created is when the draft was saved.
	Created time.Time `json:"created"`
}

// FormDraftStore keeps form drafts for a short while.
type FormDraftStore interface {
	// SaveFormDraft stores a draft and deletes drafts created before
	// expired.
	SaveFormDraft(ctx context.Context, d FormDraft, expired time.Time) error
	// TakeFormDraft returns and deletes the draft with id; ErrNotFound
	// (wrapped) when there is none or it was created before expired.
	TakeFormDraft(ctx context.Context, id string, expired time.Time) (FormDraft, error)
}
