package dev.tango.session.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping} on this service's database. Boot's default indicator sends {@code hello}, which the
 * embedded MongoDB-protocol server rejects once a database holds data, so the service would turn DOWN after its first
 * write. {@code ping} works on both real MongoDB and the embedded server. (Same as scoring-service's; it belongs in
 * service-support.)
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

    // Named like Boot's indicator, which then backs off.
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    static final class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

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
