package restapi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// dateLayout is the layout of format "date".
const dateLayout = "2006-01-02"

// toTime reads r as a time in the given format and returns it in UTC.
// Unix times may be numbers or strings of digits; 0 means no time. Layouts
// without a zone are read as UTC.
func toTime(format, layout string, r gjson.Result) (time.Time, error) {
	var text string
	switch r.Type {
	case gjson.String:
		text = strings.TrimSpace(r.Str)
	case gjson.Number:
		text = r.Raw
	default:
		return time.Time{}, fmt.Errorf("value %s is not a time", clip(r.Raw))
	}
	switch format {
	case FormatUnix, FormatUnixMS:
		return unixTime(format, text)
	case FormatDate:
		layout = dateLayout
	case FormatLayout:
	default:
		layout = time.RFC3339Nano
	}
	t, err := time.Parse(layout, text)
	if err != nil {
		return time.Time{}, fmt.Errorf("value %q is not a time in layout %q", text, layout)
	}
	return t.UTC(), nil
}

// maxUnixSeconds keeps times within year 9999.
const maxUnixSeconds = 253402300799

func unixTime(format, text string) (time.Time, error) {
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(text, 64)
		if ferr != nil || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) || math.Abs(f) > 1e18 {
			return time.Time{}, fmt.Errorf("value %q is not a whole number of %s", text, unitName(format))
		}
		n = int64(f)
	}
	secs, nanos := n, int64(0)
	if format == FormatUnixMS {
		secs, nanos = n/1000, (n%1000)*int64(time.Millisecond)
	}
	if secs < -maxUnixSeconds || secs > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("value %q is out of range for %s", text, unitName(format))
	}
	if n == 0 {
		return time.Time{}, nil
	}
	return time.Unix(secs, nanos).UTC(), nil
}

func unitName(format string) string {
	if format == FormatUnixMS {
		return "milliseconds since 1970"
	}
	return "seconds since 1970"
}
