package dev.tango.support.security;

import dev.tango.support.web.ProblemWriter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server. Every {@code /api} call needs a bearer JWT that {@link TangoJwtDecoders}
 * accepts; anything else answers 401 problem+json. Health stays open for orchestration; every other actuator endpoint
 * (prometheus included) needs the ADMIN role, except prometheus on a separate management port when
 * {@link ManagementPrometheus} says so. The OpenAPI document and its UI stay open: they hold no data. No
 * server-side session: each request stands on its own token.
 *
 * <p>What a caller may see and do beyond being authenticated is decided by each service's domain, from the
 * {@link Caller} that controllers receive as a parameter.
 */
@AutoConfiguration(
        before = {
            ReactiveOAuth2ResourceServerAutoConfiguration.class,
            ReactiveManagementWebSecurityAutoConfiguration.class,
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveUserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TangoSecurityProperties.class)
public class TangoSecurityAutoConfiguration {

    @Bean
    CallerClaims callerClaims(TangoSecurityProperties properties) {
        return new CallerClaims(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder tangoJwtDecoder(
            TangoSecurityProperties properties,
            Environment environment,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        // Boot's own key-set property is honoured too, as the gateway's README suggests it.
        String bootJwkSetUri = environment.getProperty(TangoJwtDecoders.JWK_SET_URI_PROPERTY);
        TangoSecurityProperties effective = properties.hasJwkSetUri() || bootJwkSetUri == null
                ? properties
                : properties.withJwkSetUri(bootJwkSetUri);
        VerifiedJwts decoder = new VerifiedJwts(
                TangoJwtDecoders.create(effective, environment.getProperty(TangoJwtDecoders.EXTERNAL_ISSUER_PROPERTY)),
                VERIFIED_JWTS_KEPT,
                java.time.Clock.systemUTC(),
                com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        meters.ifAvailable(decoder::monitoredBy);
        return decoder;
    }

    /** At most this many verified tokens are kept (one per caller the gateway serves; about 1 KB each). */
    private static final long VERIFIED_JWTS_KEPT = 10_000;

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain tangoSecurity(ServerHttpSecurity http, CallerClaims claims, Environment environment) {
        boolean openPrometheus = ManagementPrometheus.open(environment);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchange -> {
                    if (openPrometheus) {
                        // With a separate management port, this matcher matches requests on that port only.
                        exchange.matchers(EndpointRequest.to("prometheus")).permitAll();
                    }
                    exchange.matchers(EndpointRequest.to("health"))
                            .permitAll()
                            .matchers(EndpointRequest.toAnyEndpoint())
                            .hasRole(Role.ADMIN.name())
                            .pathMatchers(
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/webjars/**")
                            .permitAll()
                            .anyExchange()
                            .authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(claims))
                        .authenticationEntryPoint(TangoSecurityAutoConfiguration::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(TangoSecurityAutoConfiguration::unauthorized)
                                .accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
                .build();
    }

    /** The document says every operation takes a bearer JWT, and never shows the {@link Caller} as a parameter. */
    @Bean
    OpenApiCustomizer bearerTokens() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            "bearer-jwt",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer-jwt"));
        };
    }

    @Bean
    WebFluxConfigurer callerArgument(CallerClaims claims) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver(claims));
            }
        };
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
        boolean invalid = e instanceof InvalidBearerTokenException;
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problem(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                invalid
                        ? "The bearer token is not valid: bad signature, unknown key, wrong issuer or audience, or expired."
                        : "A bearer token is required.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return problem(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this.");
    }

    private static Mono<Void> problem(
            ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        return ProblemWriter.write(exchange, status, type, title, detail);
    }
}
