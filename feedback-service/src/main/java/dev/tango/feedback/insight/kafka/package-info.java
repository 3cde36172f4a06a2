/** Consumes session and score events from Kafka into session insights, one session's events at a time. */
package dev.tango.feedback.insight.kafka;
