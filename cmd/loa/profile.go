package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// startProfiles starts a CPU profile into cpu and arranges a heap profile
// into mem; the returned func stops and writes them. Empty names skip.
func startProfiles(cpu, mem string) (stop func(), err error) {
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, err
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			if f, err := os.Create(mem); err == nil {
				runtime.GC()
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}, nil
}

// tuneGC sets a soft memory limit of 3 GiB unless the user set
// GOMEMLIMIT: a very large site then collects garbage more often instead
// of growing past it. It also sets GOGC to 150 unless the user set it: at
// 10,000 articles that took about 5% off the CPU time for about 20% more
// peak memory (590 → 740 MB, medians of 3 runs).
func tuneGC() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(3 << 30)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(150)
	}
}
