/**
 * The MongoDB-wire-protocol server Tango runs without Docker: mongo-java-server backends with what Tango relies on
 * added, so that the embedded default behaves as real MongoDB does where correctness depends on it.
 */
package dev.tango.embeddedmongo;
