package dev.tango.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Records that do not deserialize are dead-lettered byte for byte by a second, raw producer. It must reach the broker
 * the application's own producer reaches, also when that comes from a {@link KafkaConnectionDetails} bean (Spring
 * Boot's {@code @ServiceConnection}, as under {@code -Dtango.test.infra=containers}) rather than from
 * {@code spring.kafka.bootstrap-servers}: built from {@code KafkaProperties}, it went to the property's broker.
 */
class DeadLetterProducerTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TangoKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void theRawProducerUsesTheConnectionDetailsLikeTheApplicationsOwn() {
        KafkaConnectionDetails details = () -> List.of("broker.example:9092");
        context.withBean(KafkaConnectionDetails.class, () -> details).run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(CommonErrorHandler.class);
            KafkaTemplate<String, byte[]> raw =
                    TangoKafkaAutoConfiguration.rawTemplate(started.getBean(KafkaTemplate.class));

            DefaultKafkaProducerFactory<String, byte[]> producers =
                    (DefaultKafkaProducerFactory<String, byte[]>) raw.getProducerFactory();
            assertThat(String.valueOf(
                            producers.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)))
                    .contains("broker.example:9092")
                    .doesNotContain("127.0.0.1:1");
            assertThat(producers.getValueSerializerSupplier().get()).isInstanceOf(ByteArraySerializer.class);
            assertThat(producers.getConfigurationProperties())
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        });
    }

    @Test
    void withoutConnectionDetailsTheRawProducerUsesTheProperty() {
        context.run(started -> {
            KafkaTemplate<String, byte[]> raw =
                    TangoKafkaAutoConfiguration.rawTemplate(started.getBean(KafkaTemplate.class));
            assertThat(String.valueOf(raw.getProducerFactory()
                            .getConfigurationProperties()
                            .get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)))
                    .contains("127.0.0.1:1");
        });
    }
}
