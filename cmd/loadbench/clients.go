package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
)

// clientsGroup: the warm JSON path with o.clients distinct signed-in
// clients (each with o.invoices invoices), one cookie per request in turn,
// in a clientgate of its own.
func (l *lab) clientsGroup(ctx context.Context) (*group, error) {
	data := filepath.Join(l.o.tmp, "clients.json")
	emails, err := writeClientsData(data, l.o.clients, l.o.invoices)
	if err != nil {
		return nil, err
	}
	p, err := startPortal(ctx, l.o, portalSpec{name: "clients", importFile: data, emails: emails, vars: map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "sqlstore", "CLIENTGATE_CACHE_ENABLED": "true",
	}})
	if err != nil {
		return nil, err
	}
	l.stops = append(l.stops, p.close)
	m := &bench{target: p.invoicesTarget(fmt.Sprintf("(m) clientgate warm, %d clients", len(emails)))}
	g := &group{name: "clients", benches: []*bench{m}}
	g.conclude = func(ctx context.Context, w io.Writer) error {
		l.concludeClients(ctx, w, p, m)
		printCPU(w, "clients", l.gen, g.benches)
		return nil
	}
	return g, nil
}

// concludeClients prints the throughput with many clients, next to one
// client's (json) of the same rounds, and the memory they took.
func (l *lab) concludeClients(ctx context.Context, w io.Writer, p *portal, m *bench) {
	var xs []float64
	for _, r := range m.results {
		xs = append(xs, r.RPS)
	}
	fmt.Fprintf(w, "clients: %d distinct signed-in clients: %.0f req/s (median of rounds)", len(p.cookies), median(xs))
	if l.json != nil {
		a, b := l.json.benches[0], l.json.benches[1]
		fmt.Fprintf(w, "; %.2f of one client's (b) and %.2f of bare Gin's (a), same rounds",
			median(perRound(b, m, rps)), median(perRound(a, m, rps)))
	}
	fmt.Fprintf(w, "; signing them in took %s\n", p.signIns.Round(100_000_000))
	warnings(w, m)
	rss, err := p.proc.rss()
	if err != nil || p.startRSS == 0 {
		fmt.Fprintf(w, "clients: RSS unknown (%v)\n", err)
		return
	}
	n := float64(len(p.cookies))
	fmt.Fprintf(w, "clients: clientgate RSS %.1f MiB once ready, %.1f MiB after the runs: %.1f KB per signed-in client (RSS includes free heap the runtime keeps)\n",
		float64(p.startRSS)/(1<<20), float64(rss)/(1<<20), float64(rss-p.startRSS)/1000/n)
	heap, err := liveHeapOf(ctx, p.metrics)
	if err != nil || p.startHeap == 0 {
		fmt.Fprintf(w, "clients: live heap unknown (%v)\n", err)
		return
	}
	fmt.Fprintf(w, "clients: live heap after a GC %.1f MiB once ready, %.1f MiB after the runs: %.1f KB per signed-in client\n",
		float64(p.startHeap)/(1<<20), float64(heap)/(1<<20), float64(heap-p.startHeap)/1000/n)
}
