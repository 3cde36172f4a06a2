/** Kafka adapter for sessions: the topic session-service owns; the outbox relay publishes on it. */
package dev.tango.session.kafka;
