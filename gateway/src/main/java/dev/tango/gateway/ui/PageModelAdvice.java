package dev.tango.gateway.ui;

import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page needs: the signed-in user (for the navigation) and the CSRF token (forms and htmx headers). */
@ControllerAdvice(basePackageClasses = PageModelAdvice.class)
class PageModelAdvice {

    private final TangoPrincipals principals;

    PageModelAdvice(TangoPrincipals principals) {
        this.principals = principals;
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("me")
    Mono<TangoPrincipal> me(ServerWebExchange exchange) {
        return principals.current(exchange);
    }
}
