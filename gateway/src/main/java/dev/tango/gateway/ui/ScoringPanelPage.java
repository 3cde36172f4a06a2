package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.RubricCall;
import dev.tango.gateway.ui.client.ScorecardsClient;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.ui.client.SessionLookup;
import dev.tango.gateway.ui.client.SessionsClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The scoring panel's endpoints: reload it, record an observation (a marker or an anti-signal, with the note and time
 * code typed so far), retract one, preview and publish the scorecard. All through scoring-service with the signed-in
 * person's token; scoring-service decides who may do what, and a refusal is said in plain words in the panel.
 *
 * <p>As on the console, forms post without JavaScript (then the browser is redirected to the page, which says what
 * happened) and htmx swaps only the panel (always 200, or htmx would not swap it). Each form carries the key its page
 * was rendered with, and the gateway derives each request's {@code Idempotency-Key} from it, so a marker clicked twice
 * before the panel was redrawn is recorded once; the redrawn panel has a new key, so the next click records again.
 */
@Controller
class ScoringPanelPage {

    private static final Pattern ITEM = Pattern.compile("(MARKER|ANTI_SIGNAL):([^\\s:]{1,64})");

    /** As scoring-service bounds a note and a retraction's reason. */
    static final int MAX_NOTE = 1000;

    static final int MAX_REASON = 500;

    private static final Map<String, String> DONE = Map.of(
            "recorded", "The observation was recorded.",
            "retracted", "The observation was retracted; it no longer counts.",
            "published", "Your scorecard was published: the student sees it now.");

    private static final Map<String, String> FIELDS = Map.of(
            "timeCodeMs", "Time code",
            "note", "Note",
            "itemId", "Marker or anti-signal",
            "phase", "Phase",
            "kind", "Marker or anti-signal",
            "reason", "Reason");

    private final TangoPrincipals principals;
    private final SessionsClient sessions;
    private final ScorecardsClient scorecards;
    private final SessionPageRenderer pages;

    ScoringPanelPage(
            TangoPrincipals principals,
            SessionsClient sessions,
            ScorecardsClient scorecards,
            SessionPageRenderer pages) {
        this.principals = principals;
        this.sessions = sessions;
        this.scorecards = scorecards;
        this.pages = pages;
    }

    /** The notice of a change made without htmx, after the redirect ({@code ?scored=recorded}). */
    static ConsoleFeedback afterRedirect(String scored) {
        return scored != null && DONE.containsKey(scored)
                ? ConsoleFeedback.none().notice(DONE.get(scored))
                : ConsoleFeedback.none();
    }

    /** The panel as it is now (htmx reloads it after a console change), with the preview when asked for. */
    @GetMapping("/sessions/{id}/scoring")
    Mono<String> panel(
            @PathVariable String id,
            @RequestParam(required = false) boolean preview,
            @RequestParam(required = false) String markers,
            ServerWebExchange exchange,
            Model model) {
        String chosen = SessionPageRenderer.markers(markers);
        if (!SessionPageRenderer.isHtmx(exchange)) {
            return Mono.just("redirect:/sessions/" + (Ids.isValid(id) ? id : "-") + query(preview, chosen));
        }
        if (chosen != null) {
            model.addAttribute(SessionPageRenderer.SCORING_MARKERS, chosen);
        }
        if (!Ids.isValid(id)) {
            return Mono.just(pages.notFound(exchange, model, true, SessionPageRenderer.SCORING));
        }
        model.addAttribute(SessionPageRenderer.SCORING_PREVIEW, preview);
        return principals
                .current(exchange)
                .flatMap(me -> sessions.session(me, SessionId.of(id))
                        .flatMap(lookup -> pages.page(
                                exchange,
                                model,
                                me,
                                lookup,
                                ConsoleFeedback.none(),
                                HttpStatus.OK,
                                SessionPageRenderer.SCORING)))
                .switchIfEmpty(
                        Mono.fromSupplier(() -> pages.notFound(exchange, model, true, SessionPageRenderer.SCORING)));
    }

    @PostMapping("/sessions/{id}/scoring/observations")
    Mono<String> record(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(id, "recorded", exchange, model, (me, session, form) -> {
            Map<String, String> entered = new LinkedHashMap<>();
            String note = strip(form.getFirst("note"));
            String timeCode = strip(form.getFirst("timecode"));
            String item = strip(form.getFirst("item"));
            entered.put("note", note);
            entered.put("timecode", timeCode);
            Map<String, String> errors = new LinkedHashMap<>();
            Matcher matcher = ITEM.matcher(item);
            if (!matcher.matches()) {
                errors.put("item", "Choose one of the markers or anti-signals offered.");
            }
            if (note.length() > MAX_NOTE) {
                errors.put("note", "Keep the note to " + MAX_NOTE + " characters.");
            }
            Long timeCodeMs = null;
            if (timeCode.isEmpty()) {
                if (session.review()) {
                    errors.put("timecode", "Enter where in the recording you observed it, as hh:mm:ss or mm:ss.");
                }
            } else {
                OptionalLong parsed = Formats.parseTimeCode(timeCode);
                if (parsed.isEmpty()) {
                    errors.put(
                            "timecode",
                            "\"" + timeCode + "\" is not a time code: use hh:mm:ss or mm:ss, e.g. 01:02:03 or 12:34"
                                    + " (at most 24:00:00).");
                } else {
                    timeCodeMs = parsed.getAsLong();
                }
            }
            if (!errors.isEmpty()) {
                return Attempt.invalid(errors, entered);
            }
            String kind = matcher.group(1);
            String itemId = matcher.group(2);
            // An anti-signal "now" belongs to the phase the session is in now, as session-service knows it (scoring-
            // service, which learns the phases from events, may be a moment behind). With a time code, scoring-service
            // finds the phase the session was in then; a marker always belongs to its own phase.
            String phase = "ANTI_SIGNAL".equals(kind) && timeCodeMs == null && session.inProgress()
                    ? session.currentPhase()
                    : null;
            Long sent = timeCodeMs;
            // After it is recorded, a REVIEW keeps its time code (the mentor goes on from there); the note is used up.
            Map<String, String> kept = session.review() ? Map.of("timecode", timeCode) : Map.of();
            return new Attempt(
                    key -> scorecards
                            .record(
                                    me,
                                    SessionId.of(session.id()),
                                    kind,
                                    itemId,
                                    phase,
                                    sent,
                                    note.isEmpty() ? null : note,
                                    key)
                            .map(call -> call.isOk()
                                    ? RubricCall.ok("Recorded " + ScoringPanel.itemRef(itemId)
                                            + (sent == null ? "" : " at " + Formats.timeCode(sent)) + ".")
                                    : new RubricCall<String>(call.state(), null, call.problem())),
                    Map.of(),
                    entered,
                    kept);
        });
    }

    @PostMapping("/sessions/{id}/scoring/observations/{observationId}/retract")
    Mono<String> retract(
            @PathVariable String id, @PathVariable String observationId, ServerWebExchange exchange, Model model) {
        return change(id, "retracted", exchange, model, (me, session, form) -> {
            String reason = strip(form.getFirst("reason"));
            if (!observationId.matches("[A-Za-z0-9-]{1,64}")) {
                return Attempt.invalid(Map.of("retract", "That observation does not exist."), Map.of());
            }
            if (reason.length() > MAX_REASON) {
                return Attempt.invalid(
                        Map.of("retract", "Keep the reason to " + MAX_REASON + " characters."), Map.of());
            }
            return new Attempt(
                    key -> scorecards
                            .retract(
                                    me,
                                    SessionId.of(session.id()),
                                    observationId,
                                    reason.isEmpty() ? null : reason,
                                    key)
                            .map(call -> call.isOk()
                                    ? RubricCall.ok("Retracted "
                                            + ScoringPanel.itemRef(call.value().itemId()) + "; it no longer counts.")
                                    : new RubricCall<String>(call.state(), null, call.problem())),
                    Map.of(),
                    Map.of(),
                    Map.of());
        });
    }

    @PostMapping("/sessions/{id}/scoring/publish")
    Mono<String> publish(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return change(
                id,
                "published",
                exchange,
                model,
                (me, session, form) -> new Attempt(
                        key -> scorecards
                                .publish(me, SessionId.of(session.id()), key)
                                .map(call -> call.isOk()
                                        ? RubricCall.ok(
                                                call.value().revision() != null
                                                                && call.value().revision() > 1
                                                        ? "Published revision "
                                                                + call.value().revision()
                                                                + ": the student sees it now, marked as revised."
                                                        : "Published: the student sees your scorecard now.")
                                        : new RubricCall<String>(call.state(), null, call.problem())),
                        Map.of(),
                        Map.of(),
                        Map.of()));
    }

    /**
     * Runs one change: reads the session (its mode and phase; someone who may not see it gets "not found"), checks the
     * form, asks scoring-service, and shows the panel (htmx) or redirects to the page (without htmx) with what
     * happened.
     */
    private Mono<String> change(String id, String action, ServerWebExchange exchange, Model model, Check check) {
        boolean htmx = SessionPageRenderer.isHtmx(exchange);
        if (!Ids.isValid(id)) {
            return Mono.just(pages.notFound(exchange, model, htmx, SessionPageRenderer.SCORING));
        }
        SessionId sessionId = SessionId.of(id);
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData()
                        .flatMap(form -> sessions.session(me, sessionId).flatMap(lookup -> {
                            // The phase whose markers the mentor chose stays shown, after the redirect too.
                            String chosen = SessionPageRenderer.markers(strip(form.getFirst("markers")));
                            if (chosen != null) {
                                model.addAttribute(SessionPageRenderer.SCORING_MARKERS, chosen);
                            }
                            if (lookup.state() != SessionLookup.State.FOUND) {
                                return render(exchange, model, me, lookup, ConsoleFeedback.none(), HttpStatus.OK, htmx);
                            }
                            SessionDetail session = lookup.session();
                            Attempt attempt = check.apply(me, session, form);
                            if (attempt.call() == null) {
                                PageAlert alert = new PageAlert(
                                        "Nothing was changed: please correct the marked field.",
                                        List.copyOf(attempt.errors().values()));
                                return render(
                                        exchange,
                                        model,
                                        me,
                                        lookup,
                                        ConsoleFeedback.none()
                                                .alert(alert)
                                                .errors(attempt.errors())
                                                .entered(attempt.entered()),
                                        HttpStatus.BAD_REQUEST,
                                        htmx);
                            }
                            String key = SessionPage.actionKey(form, "scoring-" + action);
                            return attempt.call().apply(key).flatMap(outcome -> {
                                if (outcome.isOk()) {
                                    if (!htmx) {
                                        return Mono.just("redirect:/sessions/" + id + "?scored=" + action
                                                + (chosen == null ? "" : "&markers=" + chosen));
                                    }
                                    return render(
                                            exchange,
                                            model,
                                            me,
                                            lookup,
                                            ConsoleFeedback.none()
                                                    .notice(outcome.value())
                                                    .entered(attempt.kept()),
                                            HttpStatus.OK,
                                            htmx);
                                }
                                ConsoleFeedback refused = refused(action, outcome, session, attempt.entered());
                                // A publication refused (e.g. scoring-service has not heard of the end yet) keeps the
                                // preview and its button, to try again.
                                model.addAttribute(SessionPageRenderer.SCORING_PREVIEW, "published".equals(action));
                                HttpStatus status = outcome.isRefused()
                                        ? HttpStatus.valueOf(outcome.problem().status())
                                        : outcome.isNotFound() ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
                                return render(exchange, model, me, lookup, refused, status, htmx);
                            });
                        })))
                .switchIfEmpty(
                        Mono.fromSupplier(() -> pages.notFound(exchange, model, htmx, SessionPageRenderer.SCORING)));
    }

    private Mono<String> render(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionLookup lookup,
            ConsoleFeedback feedback,
            HttpStatus status,
            boolean htmx) {
        model.addAttribute(SessionPageRenderer.SCORING_FEEDBACK, feedback);
        return pages.page(
                exchange,
                model,
                me,
                lookup,
                ConsoleFeedback.none(),
                htmx ? HttpStatus.OK : status,
                htmx ? SessionPageRenderer.SCORING : null);
    }

    /** What the panel says when scoring-service did not make the change, in plain words, with what was typed kept. */
    static ConsoleFeedback refused(
            String action, RubricCall<?> outcome, SessionDetail session, Map<String, String> entered) {
        String what =
                switch (action) {
                    case "recorded" -> "The observation was not recorded";
                    case "retracted" -> "The observation was not retracted";
                    default -> "The scorecard was not published";
                };
        ConsoleFeedback feedback = ConsoleFeedback.none().entered(entered);
        if (outcome.isUnavailable()) {
            return feedback.alert(PageAlert.of(
                    "The scoring-service did not answer, so it is not known whether this was done.",
                    "The panel shows your scoring as it is now (if it could be read): check it before you try"
                            + " again."));
        }
        if (outcome.isNotFound()) {
            return feedback.alert(PageAlert.of(
                    what + ": the scoring-service has not heard of this session yet.",
                    "Scoring is catching up with the session; try again in a moment."));
        }
        RubricCall.Problem problem = outcome.problem();
        List<String> details = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(error -> {
            String label = FIELDS.getOrDefault(error.field(), error.field());
            details.add(label + ": " + error.message());
            if ("timeCodeMs".equals(error.field())) {
                errors.put("timecode", label + ": " + error.message());
            } else if ("note".equals(error.field())) {
                errors.put("note", label + ": " + error.message());
            }
        });
        if (details.isEmpty() && problem.detail() != null) {
            details.add(problem.detail());
        }
        String title =
                switch (problem.status()) {
                    case 400 -> what + ": the scoring-service did not accept it.";
                    case 403 -> what + ": only the session's assigned mentors record, retract and publish.";
                    case 409 -> what + " now.";
                    default -> what + ".";
                };
        if (problem.status() == 409 && (session.inProgress() || session.ended())) {
            details.add("If the session has only just started or ended, the scoring-service may still be catching up:"
                    + " try again in a moment.");
        }
        return feedback.alert(new PageAlert(title, details)).errors(errors);
    }

    private static String query(boolean preview, String markers) {
        List<String> params = new ArrayList<>();
        if (preview) {
            params.add("preview=true");
        }
        if (markers != null) {
            params.add("markers=" + markers);
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * A change to ask scoring-service for ({@code call}, given the Idempotency-Key; it answers the notice to show), or
     * the fields that stop the gateway from asking; {@code entered} is shown again after a refusal, {@code kept} after
     * success.
     */
    private record Attempt(
            java.util.function.Function<String, Mono<RubricCall<String>>> call,
            Map<String, String> errors,
            Map<String, String> entered,
            Map<String, String> kept) {

        static Attempt invalid(Map<String, String> errors, Map<String, String> entered) {
            return new Attempt(null, errors, entered, Map.of());
        }
    }

    @FunctionalInterface
    private interface Check {
        Attempt apply(TangoPrincipal me, SessionDetail session, MultiValueMap<String, String> form);
    }
}
