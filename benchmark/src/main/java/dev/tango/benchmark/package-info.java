/** The benchmark harness: load through the edge and straight at the services, baselines, resources (BENCHMARKS.md). */
package dev.tango.benchmark;
