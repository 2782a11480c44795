package auth

import (
	"bytes"
	"strings"
	"testing"
)

func TestSealer(t *testing.T) {
	k1, k2 := bytes.Repeat([]byte{1}, KeySize), bytes.Repeat([]byte{2}, KeySize)
	old, err := newSealer([][]byte{k1})
	if err != nil {
		t.Fatal(err)
	}
	rotated, err := newSealer([][]byte{k2, k1})
	if err != nil {
		t.Fatal(err)
	}
	v, err := old.seal("a", map[string]string{"x": "y"})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := rotated.open("a", v, &got); err != nil || got["x"] != "y" {
		t.Errorf("rotated sealer cannot open old value: %v %v", got, err)
	}
	if err := rotated.open("b", v, &got); err != errUnsealed {
		t.Errorf("opened under another purpose: %v", err)
	}
	nv, _ := rotated.seal("a", 1)
	var n int
	if err := old.open("a", nv, &n); err != errUnsealed {
		t.Errorf("rotated sealer did not encrypt with the new key: %v", err)
	}
	for _, bad := range []string{"", "!!", "AAAA", v[:len(v)-2], strings.Repeat("A", 200)} {
		if err := old.open("a", bad, &got); err != errUnsealed {
			t.Errorf("open(%q) = %v", bad, err)
		}
	}
}

func TestSealerKeys(t *testing.T) {
	for name, keys := range map[string][][]byte{
		"none":      nil,
		"short":     {make([]byte, 16)},
		"long":      {make([]byte, 64)},
		"bad later": {make([]byte, KeySize), make([]byte, 5)},
	} {
		if _, err := newSealer(keys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
