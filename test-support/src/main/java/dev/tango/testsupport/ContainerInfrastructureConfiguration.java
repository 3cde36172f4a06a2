package dev.tango.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Imported by every {@link ServiceIntegrationTest}; does something only under {@code -Dtango.test.infra=containers}:
 * then the {@code @ServiceConnection} containers of {@link ContainerInfrastructure} become beans, and Spring Boot
 * derives the Kafka and MongoDB connection details from them (they take precedence over
 * {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri}). In the default mode the condition keeps
 * {@link ContainerInfrastructure} from even being loaded.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(ContainerInfrastructureConfiguration.OnContainers.class)
@ImportTestcontainers(ContainerInfrastructure.class)
public class ContainerInfrastructureConfiguration {

    static class OnContainers implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InfrastructureMode.current() == InfrastructureMode.CONTAINERS;
        }
    }
}
