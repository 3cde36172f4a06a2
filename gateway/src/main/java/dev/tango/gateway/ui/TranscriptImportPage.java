package dev.tango.gateway.ui;

import dev.tango.events.Ids;
import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.Outcome;
import dev.tango.gateway.ui.client.ServiceProblem;
import dev.tango.gateway.ui.client.SessionsClient;
import dev.tango.gateway.ui.client.TranscriptImported;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The transcript import form of the session page (mentors and admins; session-service refuses anyone else with 403).
 * A file with lines that cannot be read is refused as a whole unless those lines are to be skipped: the page then
 * lists them by line number and keeps the text, to be corrected and sent again. With htmx only the transcript section
 * is swapped; without it the whole page is rendered, with the same messages (a file sent twice is imported once: the
 * form's key goes along as {@code Idempotency-Key}).
 */
@Controller
class TranscriptImportPage {

    private final TangoPrincipals principals;
    private final SessionsClient sessions;
    private final SessionPageRenderer pages;

    TranscriptImportPage(TangoPrincipals principals, SessionsClient sessions, SessionPageRenderer pages) {
        this.principals = principals;
        this.sessions = sessions;
        this.pages = pages;
    }

    @PostMapping("/sessions/{id}/transcript")
    Mono<String> importTranscript(@PathVariable String id, ServerWebExchange exchange, Model model) {
        boolean htmx = SessionPageRenderer.isHtmx(exchange);
        if (!Ids.isValid(id)) {
            return Mono.just(pages.notFound(exchange, model, htmx, SessionPageRenderer.TRANSCRIPT));
        }
        SessionId sessionId = SessionId.of(id);
        return principals
                .current(exchange)
                .flatMap(me -> exchange.getFormData().flatMap(data -> {
                    TranscriptForm form = TranscriptForm.from(data);
                    Map<String, String> errors = form.errors();
                    if (!errors.isEmpty()) {
                        ImportFeedback feedback = ImportFeedback.refused(
                                form,
                                new PageAlert(
                                        "Nothing was imported: please correct the marked field.",
                                        List.copyOf(errors.values())),
                                errors,
                                List.of());
                        return render(exchange, model, me, sessionId, feedback, HttpStatus.BAD_REQUEST, htmx);
                    }
                    String key = SessionPage.actionKey(data, "transcript");
                    return sessions.importTranscript(me, sessionId, form.upload(), key)
                            .flatMap(outcome -> afterImport(exchange, model, me, sessionId, form, outcome, htmx));
                }))
                .switchIfEmpty(
                        Mono.fromSupplier(() -> pages.notFound(exchange, model, htmx, SessionPageRenderer.TRANSCRIPT)));
    }

    private Mono<String> afterImport(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionId sessionId,
            TranscriptForm form,
            Outcome<TranscriptImported> outcome,
            boolean htmx) {
        return switch (outcome.state()) {
            case DONE ->
                render(
                        exchange,
                        model,
                        me,
                        sessionId,
                        ImportFeedback.imported(
                                outcome.value().imported(), outcome.value().skippedLines()),
                        HttpStatus.OK,
                        htmx);
            case NOT_FOUND -> Mono.just(pages.notFound(exchange, model, htmx, SessionPageRenderer.TRANSCRIPT));
            case REFUSED ->
                render(
                        exchange,
                        model,
                        me,
                        sessionId,
                        refused(form, outcome.problem()),
                        HttpStatus.valueOf(outcome.problem().status()),
                        htmx);
            case UNAVAILABLE ->
                render(
                        exchange,
                        model,
                        me,
                        sessionId,
                        ImportFeedback.refused(
                                form,
                                PageAlert.of(
                                        "The session-service did not answer, so it is not known whether the transcript"
                                                + " was imported.",
                                        "Reload the page to see the transcript as it is now before you send it again."),
                                Map.of(),
                                List.of()),
                        HttpStatus.SERVICE_UNAVAILABLE,
                        htmx);
        };
    }

    private static ImportFeedback refused(TranscriptForm form, ServiceProblem problem) {
        if (!problem.lineErrors().isEmpty()) {
            int count = problem.lineErrors().size();
            return ImportFeedback.refused(
                    form,
                    PageAlert.of(
                            "Nothing was imported: " + count + (count == 1 ? " line" : " lines")
                                    + " of the transcript cannot be read.",
                            "Correct " + (count == 1 ? "it" : "them")
                                    + " below and import again, or tick \"Skip lines that cannot be read\"."),
                    Map.of("text", "See the lines listed above the transcript box."),
                    problem.lineErrors());
        }
        if (problem.status() == 403) {
            return ImportFeedback.refused(
                    form,
                    PageAlert.of(
                            "Only the session's mentors and the program's admins may import its transcript.",
                            "Nothing was imported."),
                    Map.of(),
                    List.of());
        }
        if (problem.status() == 409
                && problem.sessionStatus() == null
                && problem.title() != null
                && problem.title().startsWith("Transcript already")) {
            return ImportFeedback.refused(
                    form,
                    PageAlert.of(
                            "This session already has a transcript, so nothing was imported.",
                            "A session takes one transcript file; it is listed below."),
                    Map.of(),
                    List.of());
        }
        if (problem.status() == 409 && problem.sessionStatus() != null) {
            return ImportFeedback.refused(
                    form,
                    PageAlert.of(
                            "A transcript can be imported once the session has started, and not into a cancelled"
                                    + " session; nothing was imported.",
                            "The session is " + Formats.label(problem.sessionStatus()) + "."),
                    Map.of(),
                    List.of());
        }
        if (problem.status() == 413) {
            return ImportFeedback.refused(
                    form,
                    PageAlert.of(
                            "The transcript is too large to import in one go; nothing was imported.",
                            "Split it into parts, or leave out what is not part of the conversation."),
                    Map.of("text", "Too large."),
                    List.of());
        }
        List<String> details = problem.errors().stream()
                .map(error -> ConsoleAlerts.fieldLabel(error.field()) + ": " + error.message())
                .toList();
        if (details.isEmpty() && problem.detail() != null) {
            details = List.of(problem.detail());
        }
        return ImportFeedback.refused(
                form,
                new PageAlert("Nothing was imported: the transcript was not accepted.", details),
                Map.of(),
                List.of());
    }

    /** The transcript section (htmx) or the page, with the session and its transcript as they are now. */
    private Mono<String> render(
            ServerWebExchange exchange,
            Model model,
            TangoPrincipal me,
            SessionId sessionId,
            ImportFeedback feedback,
            HttpStatus status,
            boolean htmx) {
        model.addAttribute("imports", feedback);
        return sessions.session(me, sessionId)
                .flatMap(lookup -> pages.page(
                        exchange,
                        model,
                        me,
                        lookup,
                        ConsoleFeedback.none(),
                        htmx ? HttpStatus.OK : status,
                        htmx ? SessionPageRenderer.TRANSCRIPT : null));
    }
}
