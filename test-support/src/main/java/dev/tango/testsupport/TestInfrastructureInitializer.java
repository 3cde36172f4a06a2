package dev.tango.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a Spring context trust the tokens of {@link TestTokens} (their issuer and their real JWKS server) and, by
 * default, points it at the {@link EmbeddedInfrastructure} of this JVM. Under {@code -Dtango.test.infra=containers}
 * the broker and the database come from {@link ContainerInfrastructureConfiguration}'s
 * {@code @ServiceConnection}s instead, and no embedded server is started.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        if (InfrastructureMode.current() == InfrastructureMode.EMBEDDED) {
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            properties.put("spring.mongodb.uri", infrastructure.mongoUri());
        }
        properties.put("tango.security.issuer", TestTokens.ISSUER);
        properties.put("tango.security.jwk-set-uri", TestTokens.get().jwkSetUri());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("tango-test-infrastructure", properties));
    }
}
