package i18n

import "sync"

// memo holds a language's messages that take no placeholders and no
// count, as Localize renders them, filled on first use. Only IDs defined in
// the catalogs are kept, so IDs built from outside data (an unknown
// status) cannot grow it. It is safe for concurrent use.
type memo struct {
	known map[string]bool // read only once the catalog is loaded
	texts sync.Map        // message ID → text
}

// load returns the kept text of id.
func (m *memo) load(id string) (string, bool) {
	s, ok := m.texts.Load(id)
	if !ok {
		return "", false
	}
	return s.(string), true
}

// keep keeps text as id's when id is a catalog message.
func (m *memo) keep(id, text string) {
	if m.known[id] {
		m.texts.Store(id, text)
	}
}
