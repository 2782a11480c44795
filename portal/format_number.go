package portal

import (
	"strings"
	"unicode/utf8"
)

// numberLayout is how a locale's x/text printer writes a decimal number:
// its digits, separators, grouping sizes and any affixes.
type numberLayout struct {
	digits         [10]string
	prefix, suffix string
	group, decimal string
	size0, size1   int // first (rightmost) and further group sizes; 0: none
}

// numberLayout returns l's number layout, derived once from its printer;
// nil when the printer's output does not fit a numberLayout.
func (l *localeFormat) numberLayout() *numberLayout {
	l.numOnce.Do(func() { l.num = deriveNumber(l.slowNumber) })
	return l.num
}

// deriveNumber reads a layout from sample outputs of format (minor units,
// fraction digits); nil when they do not fit one.
func deriveNumber(format func(abs int64, digits int) string) *numberLayout {
	var n numberLayout
	var ones [10]string
	for i := range ones {
		ones[i] = format(int64(i), 0)
	}
	n.prefix, n.suffix = commonAffixes(ones[:])
	for i, s := range ones {
		if n.digits[i] = n.strip(s); n.digits[i] == "" {
			return nil
		}
	}
	if !n.readGroups(n.strip(format(1234567890123, 0)), 13) {
		return nil
	}
	half := n.strip(format(5, 1)) // 0.5
	n.decimal = strings.TrimSuffix(strings.TrimPrefix(half, n.digits[0]), n.digits[5])
	if n.decimal == "" || half != n.digits[0]+n.decimal+n.digits[5] {
		return nil
	}
	return &n
}

// strip removes the prefix and suffix from s, or returns "" if either is
// missing.
func (n *numberLayout) strip(s string) string {
	if len(s) < len(n.prefix)+len(n.suffix) || !strings.HasPrefix(s, n.prefix) || !strings.HasSuffix(s, n.suffix) {
		return ""
	}
	return s[len(n.prefix) : len(s)-len(n.suffix)]
}

// readGroups reads the group separator and sizes from s, the digits of a
// number of count digits; false unless it is made of digits and one
// separator.
func (n *numberLayout) readGroups(s string, count int) bool {
	var sizes []int
	run, total := 0, 0
	for s != "" {
		if d := n.digitAt(s); d != "" {
			s, run, total = s[len(d):], run+1, total+1
			continue
		}
		sep := n.separatorAt(s)
		if run == 0 || (n.group != "" && sep != n.group) {
			return false
		}
		n.group, s, sizes, run = sep, s[len(sep):], append(sizes, run), 0
	}
	if run == 0 || total != count {
		return false
	}
	sizes = append(sizes, run)
	if len(sizes) > 1 {
		n.size0 = sizes[len(sizes)-1]
	}
	if len(sizes) > 2 {
		n.size1 = sizes[len(sizes)-2]
	}
	return true
}

// digitAt returns the digit s starts with, or "".
func (n *numberLayout) digitAt(s string) string {
	for _, d := range n.digits {
		if strings.HasPrefix(s, d) {
			return d
		}
	}
	return ""
}

// separatorAt returns the non-digit text s starts with.
func (n *numberLayout) separatorAt(s string) string {
	i := 0
	for i < len(s) && n.digitAt(s[i:]) == "" {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// append appends abs minor units with scale fraction digits (pow is
// 10^scale) to b.
func (n *numberLayout) append(b []byte, abs uint64, scale int, pow uint64) []byte {
	b = append(b, n.prefix...)
	var tmp [20]byte
	i := len(tmp)
	for ip := abs / pow; i == len(tmp) || ip > 0; ip /= 10 {
		i--
		tmp[i] = byte(ip % 10)
	}
	count := len(tmp) - i
	for j, d := range tmp[i:] {
		b = append(b, n.digits[d]...)
		if n.groupAfter(count - j - 1) {
			b = append(b, n.group...)
		}
	}
	if scale > 0 {
		b = append(b, n.decimal...)
		frac := abs % pow
		for p := pow / 10; p > 0; p /= 10 {
			b = append(b, n.digits[frac/p%10]...)
		}
	}
	return append(b, n.suffix...)
}

// groupAfter reports whether a group separator follows a digit that has
// rest integer digits after it.
func (n *numberLayout) groupAfter(rest int) bool {
	if n.size0 == 0 || rest == 0 || rest < n.size0 {
		return false
	}
	if rest == n.size0 {
		return true
	}
	size := n.size0
	if n.size1 != 0 {
		size = n.size1
	}
	return (rest-n.size0)%size == 0
}

// commonAffixes returns the longest prefix and suffix, in whole runes,
// that all of ss share.
func commonAffixes(ss []string) (prefix, suffix string) {
	prefix, suffix = ss[0], ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, prefix) {
			_, size := utf8.DecodeLastRuneInString(prefix)
			prefix = prefix[:len(prefix)-size]
		}
		for !strings.HasSuffix(s, suffix) {
			_, size := utf8.DecodeRuneInString(suffix)
			suffix = suffix[size:]
		}
	}
	return prefix, suffix
}
