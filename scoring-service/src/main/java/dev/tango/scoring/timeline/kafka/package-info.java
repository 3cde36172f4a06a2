/** Consumes session events from Kafka into timelines, one session's events at a time. */
package dev.tango.scoring.timeline.kafka;
