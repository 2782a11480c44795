package main

// hiddenModes are the first arguments with which loadbench runs as one of
// its own child processes, so that what it measures runs in a process of
// its own like clientgate does, never inside the load generator.
var hiddenModes = map[string]func(args []string) error{
	serveBareMode:  serveBare,
	cacheScaleMode: cacheScale,
}
