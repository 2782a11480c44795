// Package logbuf is a buffered, non-blocking io.Writer for the process
// log. Writes land in memory and a goroutine of the Writer's own writes
// them out in batches, so that a request never waits for the log's
// destination (a full pipe, a slow disk) and many lines cost one system
// call. When the destination stays behind until the buffer is full, lines
// are dropped and counted, never waited for.
package logbuf

import (
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Writer buffers whole writes (one log line each, as slog handlers write)
// for its destination.
type Writer struct {
	out   io.Writer
	max   int
	every time.Duration

	mu     sync.Mutex
	buf    []byte
	closed bool

	dropped  atomic.Uint64
	kick     chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}
}

// New starts a Writer that holds at most maxBuffered bytes for out and
// writes them every flushEvery, or sooner once a quarter of the bound is
// waiting. Close stops it.
func New(out io.Writer, maxBuffered int, flushEvery time.Duration) *Writer {
	w := &Writer{out: out, max: maxBuffered, every: flushEvery,
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go w.run()
	return w
}

// Write keeps p for the destination and never blocks on it. A write that
// does not fit in the bound is dropped (see Dropped); after Close, writes
// go to the destination at once.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return w.out.Write(p)
	}
	if len(w.buf)+len(p) > w.max {
		w.dropped.Add(1)
		return len(p), nil
	}
	w.buf = append(w.buf, p...)
	if len(w.buf) >= w.max/4 {
		select {
		case w.kick <- struct{}{}:
		default:
		}
	}
	return len(p), nil
}

// Dropped returns how many writes were dropped because the buffer was
// full.
func (w *Writer) Dropped() uint64 { return w.dropped.Load() }

// Close writes what is buffered and stops the Writer's goroutine; later
// writes go straight to the destination. It is safe to call more than
// once.
func (w *Writer) Close() error {
	w.stopOnce.Do(func() { close(w.stop) })
	<-w.done
	return nil
}

// run writes the buffer out every interval or when kicked, and once more
// when stopped.
func (w *Writer) run() {
	defer close(w.done)
	tick := time.NewTicker(w.every)
	defer tick.Stop()
	var spare []byte
	for {
		select {
		case <-tick.C:
		case <-w.kick:
		case <-w.stop:
			w.mu.Lock()
			defer w.mu.Unlock()
			w.closed = true
			_, _ = w.out.Write(w.buf)
			w.buf = nil
			return
		}
		spare = w.flush(spare)
	}
}

// flush swaps the buffer for spare and writes the full one out, returning
// it emptied for the next swap.
func (w *Writer) flush(spare []byte) []byte {
	w.mu.Lock()
	full := w.buf
	w.buf = spare[:0]
	w.mu.Unlock()
	if len(full) > 0 {
		_, _ = w.out.Write(full)
	}
	return full[:0]
}
