package dev.tango.session.kafka;

import dev.tango.events.Topics;
import dev.tango.support.kafka.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** session-service owns the session events topic and creates it at startup. */
@Configuration(proxyBeanMethods = false)
class SessionKafkaConfiguration {

    @Bean
    TopicDeclarations sessionTopics() {
        return TopicDeclarations.owns(Topics.SESSION_EVENTS);
    }
}
