package dev.tango.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the {@link EmbeddedInfrastructure} of this JVM, and makes it trust the tokens of
 * {@link TestTokens} (their issuer and their real JWKS server).
 */
public class EmbeddedInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "tango-embedded-infrastructure",
                        Map.of(
                                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                                "spring.mongodb.uri", infrastructure.mongoUri(),
                                "tango.security.issuer", TestTokens.ISSUER,
                                "tango.security.jwk-set-uri", TestTokens.get().jwkSetUri())));
    }
}
