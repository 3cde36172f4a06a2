package dev.tango.support.mongo;

import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping} on the service's own database. Boot's default indicator sends {@code hello} to every
 * database, which the embedded MongoDB-protocol server rejects once a database holds data, so a service would turn
 * DOWN after its first write there. {@code ping} works on both real MongoDB and the embedded server.
 *
 * <p>Short timeouts ({@link TangoMongoProperties}), so that a request during a database outage fails fast (503, see
 * {@code ProblemDetailsAdvice}) instead of holding a connection and a thread for the driver's 30 s.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        beforeName =
                "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration")
@EnableConfigurationProperties(TangoMongoProperties.class)
public class TangoMongoAutoConfiguration {

    // First, so that Boot's customizer applies the connection string after it: options given there still win.
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
    MongoClientSettingsBuilderCustomizer tangoMongoTimeouts(TangoMongoProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket ->
                        socket.connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    // Named like Boot's indicator, which then backs off.
    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** UP when the service's database answers {@code ping}. */
    public static final class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

        private final ReactiveMongoTemplate mongo;

        MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
            super("Mongo health check failed");
            this.mongo = mongo;
        }

        @Override
        protected Mono<Health> doHealthCheck(Health.Builder builder) {
            return mongo.executeCommand(new Document("ping", 1))
                    .then(mongo.getMongoDatabase())
                    .map(database -> builder.up()
                            .withDetail("database", database.getName())
                            .build());
        }
    }
}
