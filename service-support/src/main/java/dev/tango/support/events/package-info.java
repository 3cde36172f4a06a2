/** Consuming events: idempotence by per-session sequence and the metrics every consumer reports. */
package dev.tango.support.events;
