package dev.tango.gateway.ui;

import dev.tango.gateway.ui.client.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;

/** What the feedback pages do alike when a service answers "not found" or cannot be asked. */
final class FeedbackPages {

    /** Ids as the services shape them; anything else names nothing, so it is not asked. */
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private FeedbackPages() {}

    /**
     * The page for an outcome that is not done: "not found" with 404 (the same for someone else's resource), or
     * "unavailable" with 503. The template shows {@code missing}.
     */
    static String missing(ServerWebExchange exchange, Model model, Outcome<?> outcome, String what) {
        boolean notFound = outcome == null || outcome.state() == Outcome.State.NOT_FOUND;
        exchange.getResponse().setStatusCode(notFound ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE);
        model.addAttribute(
                "missing",
                new Missing(
                        notFound ? what + " not found" : what + " unavailable",
                        notFound
                                ? "There is no such " + what.toLowerCase(java.util.Locale.ROOT)
                                        + ", or it is not yours to see."
                                : "The feedback-service cannot be asked right now. Please try again in a moment."));
        return "missing";
    }

    /** The heading and sentence of a page that cannot show what was asked. */
    record Missing(String title, String detail) {}
}
