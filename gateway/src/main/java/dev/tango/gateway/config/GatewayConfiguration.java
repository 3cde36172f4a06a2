package dev.tango.gateway.config;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration implements WebFluxConfigurer {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Delegating encoder: bcrypt today, and hashes stay readable when the default algorithm changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tango gateway")
                        .description("Users, API tokens and the current user. Every other /api/** path is routed to"
                                + " the service that owns it, with a short-lived bearer JWT minted by the gateway.")
                        .version("v1"));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, UserId.class, UserId::of);
        registry.addConverter(String.class, ProgramId.class, ProgramId::of);
    }
}
