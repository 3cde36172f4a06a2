/** Transactional outbox: events stored in the aggregate's own document, relayed to Kafka right after the write. */
package dev.tango.support.outbox;
