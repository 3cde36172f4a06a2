package dev.tango.gateway.ui;

import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.FeedbackClient;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.Outcome;
import dev.tango.gateway.ui.client.SelfAssessmentView;
import dev.tango.gateway.ui.client.ServiceProblem;
import dev.tango.gateway.ui.client.SessionFeedback;
import dev.tango.gateway.ui.client.SessionRubric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The feedback on one session: the time line of phases with comments and observations pinned at their time codes, the
 * published scores, the comments (a mentor's own drafts too, with edit, publish and delete), the student's replies and
 * self-assessment, and the transcript. feedback-service decides what the caller sees and may do; a session they may
 * not see is "not found" (404). Forms post normally and redirect back (303); {@code hx-boost} makes them swap the page
 * without a reload. Comment bodies are inserted as the service's sanitised HTML and nothing else is unescaped.
 */
@Controller
@RequestMapping("/sessions/{sessionId}/feedback")
class FeedbackPage {

    static final Set<String> KINDS = Set.of("STRENGTH", "SUGGESTION", "QUESTION", "NOTE");
    static final List<String> PHASES = List.of("OPENING", "EXPLORING", "MEANING_MAKING", "ACTION_PLANNING", "CLOSING");
    private static final int MAX_BODY = 5_000;

    private final TangoPrincipals principals;
    private final FeedbackClient feedback;

    FeedbackPage(TangoPrincipals principals, FeedbackClient feedback) {
        this.principals = principals;
        this.feedback = feedback;
    }

    @GetMapping
    Mono<String> show(@PathVariable String sessionId, ServerWebExchange exchange, Model model) {
        return principals.current(exchange).flatMap(me -> page(exchange, model, me, sessionId, null, Map.of()));
    }

    @PostMapping("/comments")
    Mono<String> write(@PathVariable String sessionId, ServerWebExchange exchange, Model model) {
        return form(exchange, (me, data) -> {
            CommentForm form = CommentForm.from(data);
            if (!form.problems().isEmpty()) {
                return refused(
                        exchange, model, me, sessionId, "The comment was not saved.", form.problems(), form.entered());
            }
            Map<String, Object> body = form.json();
            body.put("publish", "true".equals(data.getFirst("publish")));
            return feedback.writeComment(me, sessionId, body)
                    .flatMap(outcome -> after(
                            exchange, model, me, sessionId, outcome, "The comment was not saved.", form.entered()));
        });
    }

    @PostMapping("/comments/{commentId}")
    Mono<String> edit(
            @PathVariable String sessionId, @PathVariable String commentId, ServerWebExchange exchange, Model model) {
        return form(exchange, (me, data) -> {
            CommentForm form = CommentForm.from(data);
            if (!form.problems().isEmpty()) {
                return refused(
                        exchange, model, me, sessionId, "The comment was not changed.", form.problems(), Map.of());
            }
            return feedback.editComment(me, sessionId, commentId, form.json())
                    .flatMap(outcome ->
                            after(exchange, model, me, sessionId, outcome, "The comment was not changed.", Map.of()));
        });
    }

    @PostMapping("/comments/{commentId}/publish")
    Mono<String> publish(
            @PathVariable String sessionId, @PathVariable String commentId, ServerWebExchange exchange, Model model) {
        return form(
                exchange,
                (me, data) -> feedback.publishComment(me, sessionId, commentId)
                        .flatMap(outcome -> after(
                                exchange, model, me, sessionId, outcome, "The comment was not published.", Map.of())));
    }

    @PostMapping("/comments/{commentId}/delete")
    Mono<String> delete(
            @PathVariable String sessionId, @PathVariable String commentId, ServerWebExchange exchange, Model model) {
        return form(
                exchange,
                (me, data) -> feedback.deleteComment(me, sessionId, commentId)
                        .flatMap(outcome -> after(
                                exchange, model, me, sessionId, outcome, "The comment was not deleted.", Map.of())));
    }

    @PostMapping("/comments/{commentId}/replies")
    Mono<String> reply(
            @PathVariable String sessionId, @PathVariable String commentId, ServerWebExchange exchange, Model model) {
        return form(exchange, (me, data) -> {
            String body = text(data.getFirst("body"));
            if (body.isBlank() || body.length() > MAX_BODY) {
                return refused(
                        exchange,
                        model,
                        me,
                        sessionId,
                        "The reply was not sent.",
                        List.of("Reply: write 1 to " + MAX_BODY + " characters."),
                        Map.of());
            }
            return feedback.reply(me, sessionId, commentId, body)
                    .flatMap(outcome ->
                            after(exchange, model, me, sessionId, outcome, "The reply was not sent.", Map.of()));
        });
    }

    @PostMapping("/self-assessment")
    Mono<String> selfAssess(@PathVariable String sessionId, ServerWebExchange exchange, Model model) {
        return form(exchange, (me, data) -> {
            Map<String, List<String>> markers = new LinkedHashMap<>();
            PHASES.forEach(phase -> markers.put(phase, new ArrayList<>()));
            List<String> chosen = data.getOrDefault("marker", List.of());
            for (String value : chosen) {
                int colon = value.indexOf(':');
                if (colon > 0 && markers.containsKey(value.substring(0, colon))) {
                    markers.get(value.substring(0, colon)).add(value.substring(colon + 1));
                }
            }
            String reflection = text(data.getFirst("reflection"));
            return feedback.saveSelfAssessment(me, sessionId, markers, reflection)
                    .flatMap(outcome -> after(
                            exchange, model, me, sessionId, outcome, "The self-assessment was not saved.", Map.of()));
        });
    }

    // ---- rendering

    private Mono<String> page(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            String sessionId,
            PageAlert alert,
            Map<String, String> entered) {
        if (!FeedbackPages.ID.matcher(sessionId).matches()) {
            return Mono.just(FeedbackPages.missing(exchange, model, Outcome.notFound(), "Session"));
        }
        return feedback.session(me, sessionId).flatMap(outcome -> {
            if (!outcome.isDone()) {
                return Mono.just(FeedbackPages.missing(exchange, model, outcome, "Session"));
            }
            SessionFeedback session = outcome.value();
            boolean student = session.isStudent(me.subject());
            Mono<Outcome<SelfAssessmentView>> self = feedback.selfAssessment(me, sessionId);
            Mono<Outcome<SessionRubric>> rubric =
                    student ? feedback.rubric(me, sessionId) : Mono.just(Outcome.<SessionRubric>notFound());
            return Mono.zip(self, rubric).map(both -> {
                model.addAttribute("fb", session);
                model.addAttribute("student", student);
                model.addAttribute("mentor", session.isMentor(me.subject()));
                model.addAttribute(
                        "selfAssessment", both.getT1().isDone() ? both.getT1().value() : null);
                model.addAttribute(
                        "rubric",
                        both.getT2().isDone() && both.getT2().value() != null
                                ? both.getT2().value().content()
                                : null);
                model.addAttribute("alert", alert);
                model.addAttribute("entered", entered);
                model.addAttribute("kinds", List.of("STRENGTH", "SUGGESTION", "QUESTION", "NOTE"));
                model.addAttribute("phases", PHASES);
                model.addAttribute("timeCodePattern", Formats.TIME_CODE_PATTERN);
                return "feedback";
            });
        });
    }

    private Mono<String> after(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            String sessionId,
            Outcome<?> outcome,
            String title,
            Map<String, String> entered) {
        return switch (outcome.state()) {
            case DONE -> Mono.just("redirect:/sessions/" + sessionId + "/feedback");
            case NOT_FOUND -> Mono.just(FeedbackPages.missing(exchange, model, outcome, "Session"));
            case REFUSED -> refused(exchange, model, me, sessionId, title, lines(outcome.problem()), entered);
            case UNAVAILABLE ->
                refused(
                        exchange,
                        model,
                        me,
                        sessionId,
                        title,
                        List.of("The feedback-service could not be reached; it may or may not have been done."),
                        entered);
        };
    }

    private Mono<String> refused(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            String sessionId,
            String title,
            List<String> details,
            Map<String, String> entered) {
        return page(exchange, model, me, sessionId, new PageAlert(title, details), entered);
    }

    private static List<String> lines(ServiceProblem problem) {
        if (problem == null) {
            return List.of();
        }
        if (!problem.errors().isEmpty()) {
            return problem.errors().stream()
                    .map(error -> error.field() + ": " + error.message())
                    .toList();
        }
        List<String> lines = new ArrayList<>();
        if (problem.title() != null) {
            lines.add(problem.title() + ".");
        }
        if (problem.detail() != null) {
            lines.add(problem.detail());
        }
        return lines;
    }

    private Mono<String> form(ServerWebExchange exchange, FormAction action) {
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData().flatMap(data -> action.apply(me, data)));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    @FunctionalInterface
    private interface FormAction {
        Mono<String> apply(TangoPrincipal me, MultiValueMap<String, String> data);
    }

    /** A comment as typed into the form: checked here only as far as the service would refuse it anyway. */
    record CommentForm(String body, String kind, String timeCode, String phase, String itemId) {

        static CommentForm from(MultiValueMap<String, String> data) {
            return new CommentForm(
                    text(data.getFirst("body")),
                    text(data.getFirst("kind")),
                    text(data.getFirst("timeCode")),
                    text(data.getFirst("phase")),
                    text(data.getFirst("itemId")));
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (body.isEmpty() || body.length() > MAX_BODY) {
                problems.add("Comment: write 1 to " + MAX_BODY + " characters.");
            }
            if (!KINDS.contains(kind)) {
                problems.add("Kind: choose strength, suggestion, question or note.");
            }
            if (!timeCode.isEmpty() && Formats.parseTimeCode(timeCode).isEmpty()) {
                problems.add("Time code: write it as mm:ss or h:mm:ss, or leave it empty.");
            }
            if (!phase.isEmpty() && !PHASES.contains(phase)) {
                problems.add("Phase: choose one of the five, or none.");
            }
            return problems;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("body", body);
            json.put("kind", kind);
            OptionalLong millis = Formats.parseTimeCode(timeCode);
            if (millis.isPresent()) {
                json.put("timeCodeMs", millis.getAsLong());
            }
            if (!phase.isEmpty()) {
                json.put("phase", phase);
            }
            if (!itemId.isEmpty()) {
                json.put("itemId", itemId);
            }
            return json;
        }

        Map<String, String> entered() {
            return Map.of("body", body, "kind", kind, "timeCode", timeCode, "phase", phase, "itemId", itemId);
        }
    }
}
