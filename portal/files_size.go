package portal

import (
	"golang.org/x/text/number"
)

// sizeUnits are the message IDs of byte sizes, in steps of 1000 (as
// files.max_size's "25MB" counts them).
var sizeUnits = []string{"files.size.bytes", "files.size.kb", "files.size.mb", "files.size.gb", "files.size.tb"}

// Size formats a number of bytes for the locale, such as "1.5 MB" or
// "1,5 Mo": whole bytes below a kilobyte, else one decimal at most.
func (f formatter) Size(n int64) string {
	if n < 1000 {
		return f.T(sizeUnits[0], "N", f.Number(int(n)))
	}
	v, unit := float64(n), 0
	for v >= 999.95 && unit < len(sizeUnits)-1 {
		v /= 1000
		unit++
	}
	return f.T(sizeUnits[unit], "N", f.locale().printer.Sprint(number.Decimal(v, number.MaxFractionDigits(1))))
}
