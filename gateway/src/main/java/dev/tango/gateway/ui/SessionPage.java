package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.SessionLookup;
import dev.tango.gateway.ui.client.SessionsClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One session: status, phases and timing, read with the signed-in person's service token. Whatever the service does
 * not show this person (404) is a "Session not found" page with status 404, the same for a session that does not
 * exist and for someone else's.
 */
@Controller
class SessionPage {

    private final TangoPrincipals principals;
    private final SessionsClient sessions;

    SessionPage(TangoPrincipals principals, SessionsClient sessions) {
        this.principals = principals;
        this.sessions = sessions;
    }

    @GetMapping("/sessions/{id}")
    Mono<String> session(@PathVariable String id, ServerWebExchange exchange, Model model) {
        Mono<SessionLookup> lookup = Ids.isValid(id)
                ? principals
                        .current(exchange)
                        .flatMap(me -> sessions.session(me, SessionId.of(id)))
                        .defaultIfEmpty(SessionLookup.notFound())
                : Mono.just(SessionLookup.notFound());
        return lookup.map(found -> {
            exchange.getResponse().setStatusCode(status(found.state()));
            model.addAttribute("lookup", found);
            return "session";
        });
    }

    private static HttpStatus status(SessionLookup.State state) {
        return switch (state) {
            case FOUND -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
