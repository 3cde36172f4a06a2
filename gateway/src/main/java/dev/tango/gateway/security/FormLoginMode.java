package dev.tango.gateway.security;

import dev.tango.gateway.user.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own sign-in form: POST /login with {@code email}, {@code password} and the CSRF token. The client
 * address (the socket's, or the forwarded one when {@code server.forward-headers-strategy=framework} trusts a proxy)
 * goes along for throttling.
 */
@Component
@Profile("!oidc")
class FormLoginMode implements LoginMode {

    private final LoginAuthenticationManager manager;
    private final ProblemResponses problems;

    FormLoginMode(
            Users users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            MeterRegistry meters,
            ProblemResponses problems) {
        this.manager = new LoginAuthenticationManager(users, passwordEncoder, throttle, meters);
        this.problems = problems;
    }

    @Override
    public void configure(ServerHttpSecurity http) {
        AuthenticationWebFilter login = new AuthenticationWebFilter(manager);
        login.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"));
        login.setServerAuthenticationConverter(FormLoginMode::attempt);
        login.setAuthenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"));
        login.setAuthenticationFailureHandler(new LoginFailureHandler(problems));
        login.setSecurityContextRepository(new WebSessionServerSecurityContextRepository());
        http.addFilterAt(login, SecurityWebFiltersOrder.FORM_LOGIN);
    }

    @Override
    public ServerAuthenticationEntryPoint entryPoint() {
        return new RedirectServerAuthenticationEntryPoint("/login");
    }

    @Override
    public ServerLogoutSuccessHandler logoutSuccess() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/login?logout"));
        return handler;
    }

    @Override
    public String providerLoginUrl() {
        return null;
    }

    private static Mono<org.springframework.security.core.Authentication> attempt(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String email = trimmed(form.getFirst("email"), 254);
            String password = trimmed(form.getFirst("password"), 200);
            UsernamePasswordAuthenticationToken token =
                    UsernamePasswordAuthenticationToken.unauthenticated(email, password);
            token.setDetails(clientAddress(exchange));
            return token;
        });
    }

    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
