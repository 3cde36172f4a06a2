package dev.tango.gateway.security;

import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.Users;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Two filter chains. API clients ({@code Authorization: Bearer tango_pat_...} on /api/**, /actuator/** or the
 * OpenAPI document) are stateless: no session, no CSRF (a browser cannot be made to send that header cross-site).
 * Everything else is the browser chain: session cookie, CSRF on every state-changing request, form or OpenID Connect sign-in.
 *
 * <p>Actuator: health is open for orchestration; every other actuator endpoint (prometheus included) needs ADMIN on the
 * same port, so Prometheus scrapes with an ADMIN API token as bearer. One port keeps the local stack simple. A
 * deployment with a separate management port may open prometheus there instead ({@link #openPrometheus}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String OPEN_PROMETHEUS = "tango.management.open-prometheus";

    static final String[] PUBLIC = {
        "/login",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/favicon.ico",
        "/.well-known/jwks.json",
        "/actuator/health",
        "/actuator/health/**",
        "/oauth2/**",
        "/login/oauth2/**"
    };

    /**
     * Operations on every program at once: the rebuild of all of feedback-service's read models. The service sees only
     * ADMIN (the gateway keeps PLATFORM_ADMIN to itself), so the edge is where a program's admin is refused.
     */
    static final String[] PLATFORM_ADMIN_ONLY = {"/api/feedback/admin/**"};

    static final String[] ADMIN_ONLY = {
        "/api/users",
        "/api/users/**",
        "/api/tokens",
        "/api/tokens/**",
        "/admin/**",
        "/actuator/**",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    @Bean
    @Order(1)
    SecurityWebFilterChain apiClients(
            ServerHttpSecurity http, ApiTokenCache tokens, ProblemResponses problems, Environment environment) {
        boolean openPrometheus = openPrometheus(environment);
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(new ApiTokenAuthenticationManager(tokens));
        bearer.setServerAuthenticationConverter(
                exchange -> Mono.justOrEmpty(bearerToken(exchange.getRequest().getHeaders()))
                        .map(token -> UsernamePasswordAuthenticationToken.unauthenticated("api-client", token)));
        bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, e) -> problems.unauthenticated(exchange, ApiTokenAuthenticationManager.INVALID)));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        ServerWebExchangeMatcher hasBearer =
                exchange -> bearerToken(exchange.getRequest().getHeaders()) != null
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
        return http.securityMatcher(new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/v3/api-docs/**"),
                        hasBearer))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(rules -> rules(rules, openPrometheus))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((exchange, e) ->
                                problems.unauthenticated(exchange, ApiTokenAuthenticationManager.INVALID))
                        .accessDeniedHandler((exchange, e) -> problems.forbidden(exchange)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(
            ServerHttpSecurity http,
            LoginMode loginMode,
            ProblemResponses problems,
            Users users,
            Environment environment) {
        boolean openPrometheus = openPrometheus(environment);
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                List.of(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        api,
                        (exchange, e) -> problems.unauthenticated(
                                exchange, "Sign in, or send an API token as Authorization: Bearer."))));
        entryPoint.setDefaultEntryPoint(loginMode.entryPoint());
        ServerAccessDeniedHandler denied = (exchange, e) -> api.matches(exchange)
                .flatMap(match -> match.isMatch() ? problems.forbidden(exchange) : forbiddenPage(exchange));
        // A state-changing call without a valid CSRF token: for the API a problem, 401 when nobody is signed in (no
        // session, no bearer token), 403 for a signed-in browser; for pages the "not allowed" page.
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        ServerAccessDeniedHandler csrfDenied = (exchange, e) -> api.matches(exchange)
                .flatMap(match -> !match.isMatch()
                        ? forbiddenPage(exchange)
                        : sessions.load(exchange)
                                .mapNotNull(SecurityContext::getAuthentication)
                                .filter(Authentication::isAuthenticated)
                                .hasElement()
                                .flatMap(signedIn -> signedIn
                                        ? problems.forbidden(exchange)
                                        : problems.unauthenticated(
                                                exchange, "Sign in, or send an API token as Authorization: Bearer.")));

        http.securityContextRepository(sessions)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .csrf(csrf -> csrf.accessDeniedHandler(csrfDenied).csrfTokenRequestHandler(new HeaderOnlyCsrfForApi()))
                .authorizeExchange(rules -> rules(rules, openPrometheus))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(loginMode.logoutSuccess()))
                .headers(headers -> headers.frameOptions(
                                frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
                                + " base-uri 'self'")))
                .addFilterBefore(new ActiveUserWebFilter(users), SecurityWebFiltersOrder.AUTHORIZATION);
        loginMode.configure(http);
        return http.build();
    }

    /**
     * The firewall's refusal of a request it deems malicious ({@code ..} or {@code %00} in the path, an encoded
     * slash): a problem instead of an empty 400. Found by the hostile input suite.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestsAsProblems(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "The request's path or headers are not allowed (e.g. '..', an encoded '/', '%' or control character).");
    }

    private static void rules(ServerHttpSecurity.AuthorizeExchangeSpec rules, boolean openPrometheus) {
        if (openPrometheus) {
            // With a separate management port, this matcher matches requests on that port only.
            rules.matchers(EndpointRequest.to("prometheus")).permitAll();
        }
        rules.pathMatchers(PUBLIC)
                .permitAll()
                .pathMatchers(PLATFORM_ADMIN_ONLY)
                .hasRole(Role.PLATFORM_ADMIN.name())
                .pathMatchers(ADMIN_ONLY)
                .hasRole("ADMIN")
                .anyExchange()
                .authenticated();
    }

    /**
     * {@code tango.management.open-prometheus=true}: Prometheus scrapes without a token on the separate management
     * port, which only the deployment's own network reaches (docker-compose.yml). Refused without such a port, so the
     * metrics are never opened on the port people and API clients use.
     */
    static boolean openPrometheus(Environment environment) {
        if (!environment.getProperty(OPEN_PROMETHEUS, Boolean.class, false)) {
            return false;
        }
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            throw new IllegalStateException(OPEN_PROMETHEUS + "=true needs management.server.port set to a port other"
                    + " than server.port: the metrics are opened on the management port only, never on the gateway's.");
        }
        return true;
    }

    private static String bearerToken(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return null;
    }

    private static Mono<Void> forbiddenPage(org.springframework.web.server.ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        byte[] body = ("<!doctype html><html lang=\"en\"><head><title>Not allowed - Tango</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/tango.css\"></head><body><main class=\"page\">"
                        + "<h1>Not allowed</h1><p>Your roles do not allow this page, or the form had expired."
                        + " <a href=\"/\">Back to your home page</a></p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
