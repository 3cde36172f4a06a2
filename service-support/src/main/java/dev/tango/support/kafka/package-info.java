/** Kafka wiring: the shared envelope codec, topics created up front, bounded retries and dead-letter topics. */
package dev.tango.support.kafka;
