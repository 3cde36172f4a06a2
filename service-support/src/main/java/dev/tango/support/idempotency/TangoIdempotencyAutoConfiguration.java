package dev.tango.support.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

/**
 * {@code Idempotency-Key} on the write endpoints of every reactive service that has MongoDB: the records live in its
 * own database, collection {@code idempotency_keys}. Off with {@code tango.idempotency.enabled=false}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "dev.tango.support.events.TangoEventsAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(ReactiveMongoOperations.class)
@ConditionalOnBooleanProperty(name = "tango.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TangoIdempotencyProperties.class)
public class TangoIdempotencyAutoConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(ReactiveMongoOperations mongo) {
        return new IdempotencyStore(mongo);
    }

    @Bean
    IdempotencyFilter idempotencyFilter(
            IdempotencyStore store, Clock clock, MeterRegistry meters, TangoIdempotencyProperties properties) {
        return new IdempotencyFilter(store, clock, meters, properties);
    }

    @Bean(destroyMethod = "close")
    IdempotencySweeper idempotencySweeper(IdempotencyStore store, Clock clock, TangoIdempotencyProperties properties) {
        return new IdempotencySweeper(store, clock, properties.sweepInterval());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> idempotencySweeperStart(IdempotencySweeper sweeper) {
        return event -> sweeper.start();
    }

    @Bean
    IdempotencyKeyOpenApi idempotencyKeyOpenApi() {
        return new IdempotencyKeyOpenApi();
    }
}
