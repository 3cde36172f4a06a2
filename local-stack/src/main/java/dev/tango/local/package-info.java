/** The local stack: Kafka, a MongoDB-protocol server and the services on one machine, no Docker ({@code ./tango}). */
package dev.tango.local;
