package dev.tango.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox relay, for a service that declares {@link OutboxCollections}; it sweeps once the service is ready. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "dev.tango.support.events.TangoEventsAutoConfiguration"
        })
@ConditionalOnBean(OutboxCollections.class)
@EnableConfigurationProperties(TangoOutboxProperties.class)
public class TangoOutboxAutoConfiguration {

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(
            ReactiveMongoOperations mongo,
            KafkaTemplate<Object, Object> kafka,
            OutboxCollections collections,
            Clock clock,
            MeterRegistry meters,
            TangoOutboxProperties properties) {
        return new OutboxRelay(mongo, kafka, collections, clock, meters, properties);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> outboxStartupSweep(OutboxRelay relay) {
        return event -> relay.start();
    }
}
