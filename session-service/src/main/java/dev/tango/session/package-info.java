/** Practice sessions: the phase state machine, its rules and the events it causes; no web, storage or Kafka here. */
package dev.tango.session;
