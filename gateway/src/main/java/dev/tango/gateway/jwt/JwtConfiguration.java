package dev.tango.gateway.jwt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    @Bean
    SigningKey signingKey(ServiceTokenProperties properties) {
        return SigningKey.loadOrCreate(properties.keyDir());
    }
}
