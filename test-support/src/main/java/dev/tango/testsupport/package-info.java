/** Real infrastructure for integration tests: a KRaft broker and a MongoDB-protocol server, started once per JVM. */
package dev.tango.testsupport;
