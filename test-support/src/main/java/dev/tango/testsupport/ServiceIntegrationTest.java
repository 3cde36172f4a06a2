package dev.tango.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started on a random port against a real Kafka broker and a real MongoDB server over TCP: by default the
 * embedded ones of {@link EmbeddedInfrastructure}; under {@code -Dtango.test.infra=containers} (or
 * {@code TANGO_TEST_INFRA=containers}, or {@code -Pcontainers}) real {@code apache/kafka} and {@code mongo}
 * containers wired by {@code @ServiceConnection} ({@link ContainerInfrastructureConfiguration}), and skipped, with
 * the reason, where no Docker engine answers ({@link TestInfrastructureCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestInfrastructureCondition.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(ContainerInfrastructureConfiguration.class)
public @interface ServiceIntegrationTest {}
