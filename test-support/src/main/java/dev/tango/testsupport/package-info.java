/**
 * Real infrastructure for integration tests, started once per JVM: by default a KRaft broker and a MongoDB-protocol
 * server in the JVM; under {@code -Dtango.test.infra=containers} real {@code apache/kafka} and {@code mongo}
 * containers (see {@link dev.tango.testsupport.InfrastructureMode}).
 */
package dev.tango.testsupport;
