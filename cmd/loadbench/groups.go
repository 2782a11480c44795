package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// startGroups starts the servers of the chosen load measurements and
// returns them in groupNames order.
func (l *lab) startGroups(ctx context.Context, out io.Writer) ([]*group, error) {
	starts := []struct {
		name  string
		start func(context.Context) (*group, error)
	}{
		{"json", l.jsonGroup}, {"html", l.htmlGroup}, {"cold", l.coldGroup}, {"clients", l.clientsGroup},
	}
	var groups []*group
	for _, s := range starts {
		if !l.o.has(s.name) {
			continue
		}
		fmt.Fprintf(out, "starting %s…\n", s.name)
		g, err := s.start(ctx)
		if err != nil {
			return nil, err
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// bareServer returns the bare baseline, started on first use.
func (l *lab) bareServer(ctx context.Context) (*bareServer, error) {
	if l.bare == nil {
		s, err := startBare(ctx, l.o, filepath.Join(l.o.tmp, "bare.log"))
		if err != nil {
			return nil, err
		}
		l.stops = append(l.stops, s.proc.stop)
		l.bare = s
	}
	return l.bare, nil
}

// warmPortal returns the warm clientgate, started on first use.
func (l *lab) warmPortal(ctx context.Context) (*portal, error) {
	if l.warm == nil {
		p, err := startWarm(ctx, l.o)
		if err != nil {
			return nil, err
		}
		l.stops = append(l.stops, p.close)
		l.warm = p
	}
	return l.warm, nil
}

// bareAndWarm returns the bare baseline and the warm clientgate, each
// started on first use.
func (l *lab) bareAndWarm(ctx context.Context) (*bareServer, *portal, error) {
	bare, err := l.bareServer(ctx)
	if err != nil {
		return nil, nil, err
	}
	warm, err := l.warmPortal(ctx)
	return bare, warm, err
}

// jsonGroup: warm signed-in /api/v1/invoices against the bare Gin handler.
func (l *lab) jsonGroup(ctx context.Context) (*group, error) {
	bare, warm, err := l.bareAndWarm(ctx)
	if err != nil {
		return nil, err
	}
	a := &bench{target: bare.jsonTarget("(a) bare gin, JSON")}
	b := &bench{target: warm.invoicesTarget("(b) clientgate warm, /api/v1/invoices"), profile: warm}
	g := &group{name: "json", benches: []*bench{a, b}}
	g.conclude = func(_ context.Context, w io.Writer) error {
		throughputRatio(w, "json: clientgate warm /api/v1/invoices", "bare Gin", a, b, 0.60, 0.75)
		printCPU(w, "json", l.gen, g.benches)
		printRSS(w, "clientgate (b) RSS after the runs", warm.proc)
		return nil
	}
	l.json = g
	return g, nil
}

// htmlGroup: warm signed-in /clients/invoices against the bare Gin
// html/template page of the same content.
func (l *lab) htmlGroup(ctx context.Context) (*group, error) {
	bare, warm, err := l.bareAndWarm(ctx)
	if err != nil {
		return nil, err
	}
	h := &bench{target: bare.pageTarget("(h) bare gin, html/template page")}
	p := &bench{target: warm.pageTarget("(p) clientgate warm, /clients/invoices"), profile: warm, profileSuffix: ".html"}
	g := &group{name: "html", benches: []*bench{h, p}}
	g.conclude = func(_ context.Context, w io.Writer) error {
		throughputRatio(w, "html: clientgate warm /clients/invoices", "bare html/template", h, p, 0.40, 0)
		printCPU(w, "html", l.gen, g.benches)
		return nil
	}
	return g, nil
}

// coldGroup: the invoices page with the cache off against a fake Jetpack
// CRM answering after o.latency, next to one call to that CRM.
func (l *lab) coldGroup(ctx context.Context) (*group, error) {
	crm, key, secret := startCRM(l.o.email, l.o.invoices, l.o.latency)
	l.stops = append(l.stops, crm.Close)
	p, err := startJetpack(ctx, l.o, crm, key, secret)
	if err != nil {
		return nil, err
	}
	l.stops = append(l.stops, p.close)
	r := &bench{target: crmCallTarget(crm, key, secret, l.o)}
	c := &bench{target: p.invoicesTarget(fmt.Sprintf("(c) clientgate cold (cache off, CRM %s)", l.o.latency))}
	r.target.Conns, c.target.Conns = l.o.coldConns, l.o.coldConns
	r.target.PID = os.Getpid() // the fake CRM runs in loadbench
	g := &group{name: "cold", benches: []*bench{r, c}}
	g.conclude = func(ctx context.Context, w io.Writer) error {
		latencyRatio(w, r, c, 1.3)
		calls, err := crmCallsPerRequest(ctx, l.client, crm, c.target)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "cold: CRM calls per page: %s\n", calls)
		printCPU(w, "cold", l.gen, g.benches)
		return nil
	}
	return g, nil
}
