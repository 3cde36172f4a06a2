package dev.tango.gateway.ui;

import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.ui.client.SessionLookup;
import dev.tango.gateway.ui.client.SessionsClient;
import dev.tango.gateway.ui.client.Transcript;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders the session page, or one of the parts that htmx swaps: the console ({@code session :: console}), the
 * transcript ({@code session :: transcript}) and the scoring panel ({@code session :: scoring}). Every model attribute
 * the template reads is always set. A console swapped in by htmx says so ({@code HX-Trigger: tango-console-changed}),
 * so that the scoring panel reloads itself: its marker buttons follow the phase, its publish step the end.
 */
@Component
class SessionPageRenderer {

    static final String CONSOLE = "console";
    static final String TRANSCRIPT = "transcript";
    static final String SCORING = "scoring";

    /** Model attributes a controller may set before {@link #page}: what the scoring panel says, and its preview. */
    static final String SCORING_FEEDBACK = "scoringFeedback";

    static final String SCORING_PREVIEW = "scoringPreview";

    /** The phase whose markers the panel shows ({@code ?markers=PHASE}), when the mentor chose one. */
    static final String SCORING_MARKERS = "scoringMarkers";

    static final String CONSOLE_CHANGED = "tango-console-changed";

    private final SessionsClient sessions;
    private final ScoringPanels panels;
    private final Clock clock;

    SessionPageRenderer(SessionsClient sessions, ScoringPanels panels, Clock clock) {
        this.sessions = sessions;
        this.panels = panels;
        this.clock = clock;
    }

    /** The console alone for htmx (always 200, or htmx would not swap it in), else the whole page with its status. */
    Mono<String> respond(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionLookup lookup,
            ConsoleFeedback feedback,
            HttpStatus status,
            boolean htmx) {
        if (htmx) {
            exchange.getResponse().getHeaders().set("HX-Trigger", CONSOLE_CHANGED);
        }
        return page(exchange, model, me, lookup, feedback, htmx ? HttpStatus.OK : status, htmx ? CONSOLE : null);
    }

    /**
     * The whole page ({@code fragment} null) or one part of it. The page and the transcript part list the session's
     * transcript, read when session-service says there is one (or does not say).
     */
    Mono<String> page(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionLookup lookup,
            ConsoleFeedback feedback,
            HttpStatus status,
            String fragment) {
        exchange.getResponse().setStatusCode(status);
        fill(model, me, lookup, feedback);
        String view = fragment == null ? "session" : "session :: " + fragment;
        if (lookup.state() != SessionLookup.State.FOUND) {
            model.addAttribute("transcript", Transcript.none());
            model.addAttribute("scoring", ScoringPanel.none());
            return Mono.just(view);
        }
        SessionDetail session = lookup.session();
        Mono<Transcript> transcript = (fragment == null || TRANSCRIPT.equals(fragment))
                        && (session.transcript() == null || session.hasTranscript())
                ? sessions.transcript(me, SessionId.of(session.id()))
                : Mono.just(Transcript.none());
        Mono<ScoringPanel> scoring = fragment == null || SCORING.equals(fragment)
                ? panels.load(
                        me,
                        session,
                        model.getAttribute(SCORING_FEEDBACK) instanceof ConsoleFeedback given
                                ? given
                                : ConsoleFeedback.none(),
                        Boolean.TRUE.equals(model.getAttribute(SCORING_PREVIEW)),
                        model.getAttribute(SCORING_MARKERS) instanceof String markers ? markers : null)
                : Mono.just(ScoringPanel.none());
        return Mono.zip(transcript, scoring).map(found -> {
            model.addAttribute("transcript", found.getT1());
            model.addAttribute("scoring", found.getT2());
            return view;
        });
    }

    /** "Session not found", for the whole page (404) or in place of a part that htmx swaps in (200). */
    String notFound(ServerWebExchange exchange, Model model, boolean htmx, String fragment) {
        exchange.getResponse().setStatusCode(htmx ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        fill(model, null, SessionLookup.notFound(), ConsoleFeedback.none());
        model.addAttribute("transcript", Transcript.none());
        model.addAttribute("scoring", ScoringPanel.none());
        return htmx && fragment != null ? "session :: " + fragment : "session";
    }

    private void fill(Model model, TangoPrincipal me, SessionLookup lookup, ConsoleFeedback feedback) {
        model.addAttribute("lookup", lookup);
        model.addAttribute(
                "console",
                lookup.state() == SessionLookup.State.FOUND && me != null
                        ? SessionConsole.of(lookup.session(), me, clock.instant())
                        : null);
        model.addAttribute("shortcuts", SessionConsole.SHORTCUTS);
        model.addAttribute("notice", feedback.notice());
        model.addAttribute("alert", feedback.alert());
        model.addAttribute("errors", feedback.errors());
        model.addAttribute("entered", feedback.entered());
        // A fresh key per rendered page: each action derives its Idempotency-Key from it (SessionPage.actionKey).
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("timeCodePattern", Formats.TIME_CODE_PATTERN);
        // Lets the scoring panel's script take a LIVE time code on the server's clock, as the console's clock does.
        model.addAttribute("serverNowMs", clock.millis());
        if (!model.containsAttribute("imports")) {
            model.addAttribute("imports", ImportFeedback.none());
        }
    }

    /** A {@code markers} value as it may go into a redirect: a phase name, or null (then the panel's default). */
    static String markers(String value) {
        return value != null && value.matches("[A-Z_]{1,40}") ? value : null;
    }

    static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
    }

    static HttpStatus status(SessionLookup.State state) {
        return switch (state) {
            case FOUND -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
