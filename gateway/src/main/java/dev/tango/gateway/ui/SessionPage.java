package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.Outcome;
import dev.tango.gateway.ui.client.ServiceProblem;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.ui.client.SessionLookup;
import dev.tango.gateway.ui.client.SessionsClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One session, and the console that runs it: start, phase moves (each a button with a keyboard shortcut, exactly the
 * moves allowed now), end, cancel; a clock for LIVE sessions and a time code with each move of a REVIEW session; the
 * timeline of the phases entered. Everything is read and changed with the signed-in person's service token, so
 * session-service decides who may do what; whatever it does not show this person (404) is a "Session not found" page,
 * the same for a session that does not exist and for someone else's.
 *
 * <p>The console's forms post normally and, with htmx, swap only the console. After a change made without htmx the
 * browser is redirected to the page (post/redirect/get); a refused change re-renders the console with the session as
 * it is now and says why. Every form carries a key made when it was rendered; the gateway sends it (one per action)
 * as {@code Idempotency-Key}, so a form sent twice changes the session once.
 */
@Controller
class SessionPage {

    /** What each successful change says, after a redirect too ({@code ?done=phase}). */
    private static final Map<String, Function<SessionDetail, String>> DONE = Map.of(
            "start",
            session -> session.review()
                    ? "The review has started in Opening. Give the time code in the recording with each move."
                    : "The session has started in Opening; the clock is running.",
            "phase",
            session -> "Now in " + Formats.label(session.currentPhase()) + ".",
            "end",
            session -> "The session has ended. The time in each phase is below.",
            "cancel",
            session -> "The session is cancelled.");

    /** As session-service bounds a cancel reason. */
    static final int MAX_REASON = 500;

    private final TangoPrincipals principals;
    private final SessionsClient sessions;
    private final SessionPageRenderer pages;

    SessionPage(TangoPrincipals principals, SessionsClient sessions, SessionPageRenderer pages) {
        this.principals = principals;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GetMapping("/sessions/{id}")
    Mono<String> session(
            @PathVariable String id,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String scored,
            @RequestParam(required = false) boolean preview,
            @RequestParam(required = false) String markers,
            ServerWebExchange exchange,
            Model model) {
        // After a scoring panel change made without htmx (?scored=recorded), and its preview asked for without htmx;
        // the phase whose markers the panel shows, when chosen (?markers=CLOSING).
        model.addAttribute(SessionPageRenderer.SCORING_FEEDBACK, ScoringPanelPage.afterRedirect(scored));
        model.addAttribute(SessionPageRenderer.SCORING_PREVIEW, preview);
        String chosen = SessionPageRenderer.markers(markers);
        if (chosen != null) {
            model.addAttribute(SessionPageRenderer.SCORING_MARKERS, chosen);
        }
        if (!Ids.isValid(id)) {
            return Mono.just(pages.notFound(exchange, model, false, null));
        }
        return principals
                .current(exchange)
                .flatMap(me -> sessions.session(me, SessionId.of(id)).flatMap(lookup -> {
                    ConsoleFeedback view = ConsoleFeedback.none();
                    if (lookup.state() == SessionLookup.State.FOUND && done != null && DONE.containsKey(done)) {
                        view = view.notice(DONE.get(done).apply(lookup.session()));
                    }
                    return pages.page(
                            exchange, model, me, lookup, view, SessionPageRenderer.status(lookup.state()), null);
                }))
                .switchIfEmpty(Mono.fromSupplier(() -> pages.notFound(exchange, model, false, null)));
    }

    @PostMapping("/sessions/{id}/start")
    Mono<String> start(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(
                id,
                "start",
                exchange,
                model,
                form -> Checked.call((me, session, key) -> sessions.start(me, session, key)));
    }

    @PostMapping("/sessions/{id}/phase")
    Mono<String> phase(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(id, "phase", exchange, model, form -> {
            String phase = form.getFirst("phase");
            if (phase == null || !SessionConsole.isPhase(phase)) {
                return Checked.invalid("phase", "Choose one of the moves offered.");
            }
            // Only a REVIEW session's form has the field: there, every move needs its time code.
            String timeCode = form.getFirst("timecode");
            Long offsetMs = null;
            if (timeCode != null) {
                if (timeCode.isBlank()) {
                    return Checked.invalid(
                            "timecode", "Enter the time code of this move in the recording, as hh:mm:ss or mm:ss.");
                }
                OptionalLong parsed = Formats.parseTimeCode(timeCode);
                if (parsed.isEmpty()) {
                    return Checked.invalid(
                            "timecode",
                            "\"" + timeCode.strip() + "\" is not a time code: use hh:mm:ss or mm:ss, e.g. 01:02:03 or"
                                    + " 12:34 (at most 24:00:00).");
                }
                offsetMs = parsed.getAsLong();
            }
            Long offset = offsetMs;
            return Checked.call((me, session, key) -> sessions.enterPhase(me, session, phase, offset, key));
        });
    }

    @PostMapping("/sessions/{id}/end")
    Mono<String> end(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(
                id, "end", exchange, model, form -> Checked.call((me, session, key) -> sessions.end(me, session, key)));
    }

    @PostMapping("/sessions/{id}/cancel")
    Mono<String> cancel(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(id, "cancel", exchange, model, form -> {
            String reason = form.getFirst("reason") == null
                    ? ""
                    : form.getFirst("reason").strip();
            if (reason.isEmpty()) {
                return Checked.invalid("reason", "Say why the session is cancelled.");
            }
            if (reason.length() > MAX_REASON) {
                return Checked.invalid("reason", "Keep the reason to " + MAX_REASON + " characters.");
            }
            return Checked.call((me, session, key) -> sessions.cancel(me, session, reason, key));
        });
    }

    /**
     * Runs one console change: the gateway's own checks of the form, then the call to session-service, then the
     * console (htmx) or the page (without htmx) showing what happened.
     */
    private Mono<String> change(
            String id,
            String action,
            ServerWebExchange exchange,
            Model model,
            Function<MultiValueMap<String, String>, Checked> check) {
        boolean htmx = SessionPageRenderer.isHtmx(exchange);
        if (!Ids.isValid(id)) {
            return Mono.just(pages.notFound(exchange, model, htmx, "console"));
        }
        SessionId sessionId = SessionId.of(id);
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData().flatMap(form -> {
                    Map<String, String> entered = new LinkedHashMap<>();
                    form.toSingleValueMap().forEach((name, value) -> {
                        if (name.equals("timecode") || name.equals("reason")) {
                            entered.put(name, value);
                        }
                    });
                    Checked checked = check.apply(form);
                    if (checked.call() == null) {
                        return sessions.session(me, sessionId)
                                .flatMap(lookup -> pages.respond(
                                        exchange,
                                        model,
                                        me,
                                        lookup,
                                        ConsoleFeedback.none()
                                                .alert(new PageAlert(
                                                        "Nothing was changed: please correct the marked field.",
                                                        List.copyOf(
                                                                checked.errors().values())))
                                                .errors(checked.errors())
                                                .entered(entered),
                                        HttpStatus.BAD_REQUEST,
                                        htmx));
                    }
                    String key = actionKey(form, action);
                    return checked.call()
                            .apply(me, sessionId, key)
                            .flatMap(outcome ->
                                    afterChange(exchange, model, me, sessionId, action, outcome, entered, htmx));
                }))
                .switchIfEmpty(Mono.fromSupplier(() -> pages.notFound(exchange, model, htmx, "console")));
    }

    private Mono<String> afterChange(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionId sessionId,
            String action,
            Outcome<SessionDetail> outcome,
            Map<String, String> entered,
            boolean htmx) {
        return switch (outcome.state()) {
            case DONE ->
                htmx
                        ? pages.respond(
                                exchange,
                                model,
                                me,
                                SessionLookup.found(outcome.value()),
                                ConsoleFeedback.none().notice(DONE.get(action).apply(outcome.value())),
                                HttpStatus.OK,
                                true)
                        : Mono.just("redirect:/sessions/" + sessionId.value() + "?done=" + action);
            case NOT_FOUND -> Mono.just(pages.notFound(exchange, model, htmx, "console"));
            case REFUSED ->
                sessions.session(me, sessionId).flatMap(lookup -> {
                    ServiceProblem problem = outcome.problem();
                    Map<String, String> errors = fieldErrors(problem, lookup, entered);
                    PageAlert alert = ConsoleAlerts.refused(problem, lookup);
                    if (problem.status() == 400 && !errors.isEmpty()) {
                        // The marked fields say it better than the service's own words (milliseconds, JSON names).
                        alert = new PageAlert(alert.title(), List.copyOf(errors.values()));
                    }
                    return pages.respond(
                            exchange,
                            model,
                            me,
                            lookup,
                            ConsoleFeedback.none()
                                    .alert(alert)
                                    .errors(errors)
                                    .entered(problem.moveNotAllowed() ? Map.of() : entered),
                            HttpStatus.valueOf(problem.status()),
                            htmx);
                });
            case UNAVAILABLE ->
                sessions.session(me, sessionId)
                        .flatMap(lookup -> pages.respond(
                                exchange,
                                model,
                                me,
                                lookup,
                                ConsoleFeedback.none()
                                        .alert(ConsoleAlerts.UNKNOWN)
                                        .entered(entered),
                                HttpStatus.SERVICE_UNAVAILABLE,
                                htmx));
        };
    }

    /** A 400 about {@code offsetMs} belongs to the time code field; said in time codes rather than milliseconds. */
    private static Map<String, String> fieldErrors(
            ServiceProblem problem, SessionLookup lookup, Map<String, String> entered) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            if ("offsetMs".equals(error.field())) {
                errors.put("timecode", ConsoleAlerts.timeCodeMessage(error, lookup, entered.get("timecode")));
            } else if ("reason".equals(error.field())) {
                errors.put("reason", "Reason: " + error.message());
            }
        }
        return errors;
    }

    /**
     * The {@code Idempotency-Key} of one form as sent: derived from the key the page was rendered with, the action and
     * every field, so that a form sent twice sends the same key (session-service then makes the change once), while a
     * different move, time code or text from the same page is a different request with a key of its own (the service
     * refuses a key reused for a different request). A missing or forged page key gets a fresh one: that request is
     * then simply not protected against being sent twice.
     */
    static String actionKey(MultiValueMap<String, String> form, String action) {
        String pageKey = form.getFirst("formKey");
        StringBuilder request = new StringBuilder(
                        pageKey != null && pageKey.matches("[0-9a-fA-F-]{36}")
                                ? pageKey
                                : UUID.randomUUID().toString())
                .append('/')
                .append(action);
        new TreeMap<>(form).forEach((name, values) -> {
            if (!name.equals("formKey") && !name.equals("_csrf")) {
                request.append('\n').append(name).append('=').append(String.join("\u0000", values));
            }
        });
        return UUID.nameUUIDFromBytes(request.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A change to ask session-service for, or the fields that stop the gateway from asking. */
    private record Checked(SessionCall call, Map<String, String> errors) {

        static Checked call(SessionCall call) {
            return new Checked(call, Map.of());
        }

        static Checked invalid(String field, String message) {
            return new Checked(null, Map.of(field, message));
        }
    }

    @FunctionalInterface
    private interface SessionCall {
        Mono<Outcome<SessionDetail>> apply(TangoPrincipal me, SessionId session, String idempotencyKey);
    }
}
