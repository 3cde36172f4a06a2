package dev.tango.gateway.ui;

import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.Charts;
import dev.tango.gateway.ui.client.FeedbackClient;
import dev.tango.gateway.ui.client.MetricsView;
import dev.tango.gateway.ui.client.Outcome;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A program's metrics for its admins over a period chosen with a plain GET form ({@code from}, {@code to}; the
 * service's default is the 12 weeks up to today). feedback-service decides who sees them: 404 for anyone not an admin
 * of the program. A period it refuses (400) is said above the form. Charts have tables of the same numbers.
 */
@Controller
class ProgramMetricsPage {

    private final TangoPrincipals principals;
    private final FeedbackClient feedback;

    ProgramMetricsPage(TangoPrincipals principals, FeedbackClient feedback) {
        this.principals = principals;
        this.feedback = feedback;
    }

    @GetMapping("/admin/programs/{programId}/metrics")
    Mono<String> metrics(
            @PathVariable String programId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            ServerWebExchange exchange,
            Model model) {
        if (!FeedbackPages.ID.matcher(programId).matches()) {
            return Mono.just(FeedbackPages.missing(exchange, model, Outcome.notFound(), "Program"));
        }
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        boolean unreadable =
                fromDay == null && from != null && !from.isBlank() || toDay == null && to != null && !to.isBlank();
        return principals
                .current(exchange)
                .flatMap(me -> feedback.metrics(me, programId, fromDay, toDay).flatMap(outcome -> {
                    if (outcome.state() == Outcome.State.REFUSED) {
                        // The period was refused: show the service's default period, with why above the form.
                        return feedback.metrics(me, programId, null, null)
                                .map(fallback -> render(
                                        exchange,
                                        model,
                                        programId,
                                        fallback,
                                        outcome.problem().detail() != null
                                                ? outcome.problem().detail()
                                                : "That period cannot be shown."));
                    }
                    return Mono.just(render(
                            exchange,
                            model,
                            programId,
                            outcome,
                            unreadable ? "Dates are written as yyyy-mm-dd; the default period is shown." : null));
                }));
    }

    private static String render(
            ServerWebExchange exchange, Model model, String programId, Outcome<MetricsView> outcome, String problem) {
        if (!outcome.isDone()) {
            return FeedbackPages.missing(exchange, model, outcome, "Program");
        }
        MetricsView metrics = outcome.value();
        model.addAttribute("metrics", metrics);
        model.addAttribute("problem", problem);
        model.addAttribute("activeNav", "metrics-" + programId);
        model.addAttribute(
                "weeks",
                new Series(
                        Charts.join(metrics.sessionsHeldByWeek().stream()
                                .map(MetricsView.WeekCount::week)
                                .toList()),
                        Charts.join(metrics.sessionsHeldByWeek().stream()
                                .map(MetricsView.WeekCount::sessions)
                                .toList())));
        model.addAttribute(
                "distribution",
                new Series(
                        Charts.join(metrics.scoreDistribution().stream()
                                .map(MetricsView.Bucket::label)
                                .toList()),
                        Charts.join(metrics.scoreDistribution().stream()
                                .map(MetricsView.Bucket::sessions)
                                .toList())));
        model.addAttribute("phases", FeedbackPage.PHASES);
        model.addAttribute(
                "exportUrl",
                UriComponentsBuilder.fromPath("/api/feedback/programs/{p}/export.csv")
                        .queryParam("from", metrics.from())
                        .queryParam("to", metrics.to())
                        .buildAndExpand(programId)
                        .encode()
                        .toUriString());
        return "admin/metrics";
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Labels and values of one chart, each joined by {@code |}. */
    record Series(String labels, String values) {}
}
