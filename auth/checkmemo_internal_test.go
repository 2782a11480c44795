package auth

import (
	"fmt"
	"testing"
	"time"

	"clientgate/connectors/bridge"
)

func TestMemoExpiresEntries(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m := newMemo[checkKey, bridge.ContactSettings](2*time.Second, func() time.Time { return now })
	ann := checkKey{"iss", "a", "1"}
	if _, ok := m.get(ann); ok {
		t.Fatal("an empty memo remembered a check")
	}
	m.put(ann, bridge.ContactSettings{ContactID: "1", SeeCompanyItems: true})
	if s, ok := m.get(ann); !ok || !s.SeeCompanyItems {
		t.Fatalf("get after put = %+v, %v", s, ok)
	}
	if _, ok := m.get(checkKey{"iss", "a", "other contact"}); ok {
		t.Error("a check of one contact stood for another")
	}
	now = now.Add(2 * time.Second)
	if _, ok := m.get(ann); ok {
		t.Error("a check outlived its interval")
	}
}

func TestMemoIsBounded(t *testing.T) {
	m := newMemo[string, int](0, time.Now)
	for i := range memoSize {
		m.put(fmt.Sprint(i), i)
	}
	if v, ok := m.get("0"); !ok || v != 0 {
		t.Fatal("an entry without expiry was lost before the memo was full")
	}
	m.put("one more", 1)
	if _, ok := m.get("0"); ok {
		t.Error("the memo grew past its bound")
	}
	if v, ok := m.get("one more"); !ok || v != 1 {
		t.Error("the newest entry was not kept")
	}
}
