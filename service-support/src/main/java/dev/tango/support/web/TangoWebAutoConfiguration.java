package dev.tango.support.web;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.events.WellFormedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.JacksonModule;

/** Problem details for every error, and typed ids as path variables (a malformed id answers 400). */
// Before WebFlux's auto-configuration, whose own problem handler backs off only if this advice is already a bean.
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class TangoWebAutoConfiguration implements WebFluxConfigurer {

    /** Registered with the auto-configured JSON mapper: text must be well-formed Unicode. */
    @Bean
    JacksonModule tangoWellFormedText() {
        return WellFormedText.module();
    }

    /** 503 problem+json for a database outage met before a controller, e.g. in the idempotency filter. */
    @Bean
    DatabaseUnavailable databaseUnavailable() {
        return new DatabaseUnavailable();
    }

    /** Whole request bodies before anything answers; bounded by the codec limit. */
    @Bean
    WholeBodyFilter tangoWholeBodyFilter(
            @Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxInMemorySize) {
        return new WholeBodyFilter(Math.toIntExact(maxInMemorySize.toBytes()));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, SessionId.class, SessionId::of);
        registry.addConverter(String.class, UserId.class, UserId::of);
        registry.addConverter(String.class, ProgramId.class, ProgramId::of);
    }
}
