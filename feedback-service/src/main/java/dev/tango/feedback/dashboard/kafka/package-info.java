/** Consumes session events from Kafka into students' dashboards, one session's events at a time. */
package dev.tango.feedback.dashboard.kafka;
