package dev.tango.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

/**
 * Spring Security's CSRF token handler (the default, XOR-masked tokens), except that on {@code /api/**} the token is read from the {@code X-CSRF-TOKEN}
 * header only, never from a form body.
 *
 * <p>The default handler reads a form-encoded body to look for a {@code _csrf} field. On a routed API call that
 * consumed the body the service was to get: the gateway then sent the request on with its {@code Content-Length} and
 * no body, so the service waited for bytes that never came (30 s, then 504), or, on a pooled connection, took the
 * next request's bytes for them and answered it an empty 400. The hostile-input suite's
 * {@code Content-Type: application/x-www-form-urlencoded} cases from a signed-in browser did exactly that, once per
 * endpoint (RELIABILITY.md). The web UI's own forms are not under {@code /api} and keep the form field.
 */
final class HeaderOnlyCsrfForApi implements ServerCsrfTokenRequestHandler {

    private final XorServerCsrfTokenRequestAttributeHandler delegate = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        delegate.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return delegate.resolveCsrfTokenValue(exchange, csrfToken);
        }
        return delegate.resolveCsrfTokenValue(
                new ServerWebExchangeDecorator(exchange) {
                    @Override
                    public Mono<MultiValueMap<String, String>> getFormData() {
                        return Mono.just(new LinkedMultiValueMap<>());
                    }
                },
                csrfToken);
    }
}
