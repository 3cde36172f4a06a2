package dev.tango.support.kafka;

import dev.tango.events.EventDeserializer;
import dev.tango.events.EventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every service speaks the same wire format: string keys (the session id) and {@link EventEnvelope} values through
 * the one {@link EventSerializer}/{@link EventDeserializer} pair. Producers are idempotent with {@code acks=all}.
 * A record that cannot be processed is retried a bounded number of times, then published to the topic's dead-letter
 * topic and counted in {@code tango.events.dead.lettered}.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(TangoKafkaProperties.class)
public class TangoKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer tangoProducerCodec() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                EventSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all"));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer tangoConsumerCodec() {
        // A record that does not deserialize reaches the error handler instead of stalling the consumer.
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, EventDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    @Bean
    DeadLetters tangoDeadLetters(
            KafkaTemplate<Object, Object> template, TangoKafkaProperties properties, MeterRegistry meters) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        // Records that failed to deserialize are republished byte for byte.
        templates.put(byte[].class, rawTemplate(template));
        templates.put(Object.class, template);
        return new DeadLetters(
                new DeadLetterPublishingRecoverer(
                        templates, (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1)),
                properties,
                meters);
    }

    @Bean
    CommonErrorHandler tangoErrorHandler(DeadLetters deadLetters, TangoKafkaProperties properties) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                deadLetters::accept, new FixedBackOff(properties.retryInterval().toMillis(), properties.maxRetries()));
        // Listeners return Mono, so the container waits for every record of a poll to be acknowledged. Seeking back
        // after a record that failed to deserialize leaves the rest unacknowledged and the consumer paused for good
        // (seen on spring-kafka 4.0.6); without the seek, the remaining records and the retries are served from
        // memory, in order, with the same bounded attempts and dead-letter topic.
        handler.setSeekAfterError(false);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics tangoTopics(ObjectProvider<TopicDeclarations> declarations, TangoKafkaProperties properties) {
        TopicDeclarations declared = declarations.getIfAvailable();
        return declared == null ? new KafkaAdmin.NewTopics() : declared.newTopics(properties.replicationFactor());
    }

    /**
     * A template that publishes records as raw bytes through the auto-configured producer's own settings, so that it
     * reaches the same broker the same way, including the bootstrap servers of a {@code KafkaConnectionDetails} bean
     * (e.g. a {@code @ServiceConnection} container), which {@code KafkaProperties} alone does not know. Its
     * serializers replace the configured ones.
     */
    static KafkaTemplate<String, byte[]> rawTemplate(KafkaTemplate<?, ?> template) {
        Map<String, Object> settings =
                new LinkedHashMap<>(template.getProducerFactory().getConfigurationProperties());
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer()));
    }
}
