package dev.tango.gateway.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A failed sign-in: browsers go back to the form with a clear message; JSON clients get problem+json (401, or 429 with
 * Retry-After when throttled).
 */
class LoginFailureHandler implements ServerAuthenticationFailureHandler {

    private final ProblemResponses problems;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    LoginFailureHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        var exchange = webFilterExchange.getExchange();
        boolean json = ProblemResponses.wantsJson(exchange);
        if (exception instanceof LoginThrottledException throttled) {
            return json
                    ? problems.throttled(exchange, throttled.retryAfter(), throttled.getMessage())
                    : redirect.sendRedirect(exchange, URI.create("/login?throttled=" + throttled.retryAfterMinutes()));
        }
        if (exception instanceof DisabledException) {
            return json
                    ? problems.write(
                            exchange,
                            HttpStatus.UNAUTHORIZED,
                            "deactivated",
                            "Account deactivated",
                            exception.getMessage())
                    : redirect.sendRedirect(exchange, URI.create("/login?deactivated"));
        }
        return json
                ? problems.unauthenticated(exchange, LoginAuthenticationManager.BAD_CREDENTIALS)
                : redirect.sendRedirect(exchange, URI.create("/login?error"));
    }
}
