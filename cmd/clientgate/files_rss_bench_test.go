package main

import (
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
)

// uploadBytes is the size of BenchmarkUploadPeakRSS's file: 100 MiB.
const uploadBytes = 100 << 20

// BenchmarkUploadPeakRSS uploads a 100 MiB file through the real binary's
// upload form and reports the server's peak resident memory (VmHWM in
// /proc/PID/status) before and after, in MiB. Streaming keeps the peak
// near the idle process's; a server holding the upload in memory would
// add about 100 MiB.
//
//	go test -run '^$' -bench UploadPeakRSS -benchtime 1x ./cmd/clientgate
func BenchmarkUploadPeakRSS(b *testing.B) {
	zoe, _, p := filesServer(b, "  max_size: 200MB\n  quota: \"0\"\n")
	pid := p.cmd.Process.Pid
	token := zoe.csrfToken()
	before := procStatusKB(b, pid, "VmHWM")
	for range b.N {
		resp, page := zoe.uploadForm(token, "big.pdf", io.LimitReader(&pdfStream{}, uploadBytes))
		if resp.StatusCode != http.StatusOK || !strings.Contains(page, "big.pdf") {
			b.Fatalf("upload: %d\n%s", resp.StatusCode, page)
		}
	}
	after := procStatusKB(b, pid, "VmHWM")
	b.ReportMetric(float64(before)/1024, "idle-peak-MiB")
	b.ReportMetric(float64(after)/1024, "peak-RSS-MiB")
	b.ReportMetric(float64(after-before)/1024, "growth-MiB")
	b.Logf("VmHWM before %d kB, after %d kB for %d uploads of %d MiB", before, after, b.N, uploadBytes>>20)
}

// procStatusKB reads a kB field such as VmHWM of /proc/PID/status.
func procStatusKB(b *testing.B, pid int, field string) int64 {
	b.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("no /proc status: %v", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			return n
		}
	}
	b.Fatalf("%s not in /proc/%d/status", field, pid)
	return 0
}

// pdfStream is an endless stream that starts like a PDF, then repeats
// 64 KiB of random bytes: a large upload made without holding it.
type pdfStream struct {
	chunk []byte
	off   int
}

func (s *pdfStream) Read(p []byte) (int, error) {
	if s.chunk == nil {
		s.chunk = make([]byte, 64<<10)
		rand.Read(s.chunk)
		copy(s.chunk, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
	}
	n := copy(p, s.chunk[s.off:])
	s.off = (s.off + n) % len(s.chunk)
	return n, nil
}
