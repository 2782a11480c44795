package jetpackcrm

import (
	"strings"
	"sync"
)

// memoSize bounds the contact-ID-to-email memo.
const memoSize = 10000

// emailMemo remembers the email of contact IDs seen, because the API can
// only fetch a contact's data by email. An entry is a hint, never trusted:
// every read through it checks that the contact found has the same ID, and
// forgets the entry when it does not (the email was changed).
type emailMemo struct {
	mu  sync.Mutex
	max int
	m   map[string]string
}

func newEmailMemo(max int) *emailMemo { return &emailMemo{max: max, m: map[string]string{}} }

func (e *emailMemo) get(id string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.m[id]
	return v, ok
}

func (e *emailMemo) put(id, email string) {
	if id == "" || strings.TrimSpace(email) == "" {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.m) >= e.max {
		clear(e.m)
	}
	e.m[id] = email
}

func (e *emailMemo) forget(id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.m, id)
}
