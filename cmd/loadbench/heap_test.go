package main

import "testing"

func TestMetricValue(t *testing.T) {
	const expo = "# HELP go_memstats_heap_alloc_bytes x\n# TYPE go_memstats_heap_alloc_bytes gauge\ngo_memstats_heap_alloc_bytes 2.5165824e+06\ngo_memstats_heap_alloc_bytes_total 9\n"
	if v, err := metricValue(expo, "go_memstats_heap_alloc_bytes"); err != nil || v != 2516582 {
		t.Errorf("metricValue = %d, %v", v, err)
	}
	if _, err := metricValue(expo, "go_goroutines"); err == nil {
		t.Error("found a metric that is not there")
	}
	if _, err := metricValue("go_goroutines lots\n", "go_goroutines"); err == nil {
		t.Error("accepted a value that is not a number")
	}
}
