package dev.tango.feedback.config;

import dev.tango.events.Topics;
import dev.tango.support.kafka.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** feedback-service owns no topic; it consumes session and score events, so it creates their dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    TopicDeclarations topicDeclarations() {
        return TopicDeclarations.owns().consumes(Topics.SESSION_EVENTS, Topics.SCORE_EVENTS);
    }
}
