package dev.tango.gateway.problem;

import dev.tango.events.WellFormedText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/**
 * Request bodies of the gateway's own API (users, tokens) are read as strictly as the services read theirs: text is a
 * JSON string of well-formed Unicode (with {@code spring.jackson.mapper.allow-coercion-of-scalars=false} and {@code
 * spring.jackson.deserialization.accept-float-as-int=false} in application.yml). Found by the hostile input suite.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JacksonModule tangoWellFormedText() {
        return WellFormedText.module();
    }
}
