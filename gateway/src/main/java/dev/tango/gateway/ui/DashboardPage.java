package dev.tango.gateway.ui;

import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.security.TangoPrincipals;
import dev.tango.gateway.ui.client.Charts;
import dev.tango.gateway.ui.client.DashboardView;
import dev.tango.gateway.ui.client.FeedbackClient;
import dev.tango.gateway.ui.client.Outcome;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A student's dashboard: {@code /dashboard} is the signed-in student's own, {@code /students/{id}/dashboard} anyone's
 * the feedback-service lets the caller see (their mentors, the program's admins); for everyone else it answers 404
 * and so does this page. Charts are drawn by {@code static/js/charts.js} from data attributes, each with a table of
 * the same numbers beside it.
 */
@Controller
class DashboardPage {

    private final TangoPrincipals principals;
    private final FeedbackClient feedback;

    DashboardPage(TangoPrincipals principals, FeedbackClient feedback) {
        this.principals = principals;
        this.feedback = feedback;
    }

    @GetMapping("/dashboard")
    Mono<String> own(ServerWebExchange exchange, Model model) {
        return principals.current(exchange).flatMap(me -> page(exchange, model, me, me.subject(), true));
    }

    @GetMapping("/students/{studentId}/dashboard")
    Mono<String> student(@PathVariable String studentId, ServerWebExchange exchange, Model model) {
        return principals
                .current(exchange)
                .flatMap(me -> page(exchange, model, me, studentId, studentId.equals(me.subject())));
    }

    private Mono<String> page(
            ServerWebExchange exchange, Model model, TangoPrincipal me, String studentId, boolean own) {
        if (!FeedbackPages.ID.matcher(studentId).matches()) {
            return Mono.just(FeedbackPages.missing(exchange, model, Outcome.notFound(), "Dashboard"));
        }
        return feedback.dashboard(me, studentId).map(outcome -> {
            if (!outcome.isDone()) {
                return FeedbackPages.missing(exchange, model, outcome, "Dashboard");
            }
            DashboardView dashboard = outcome.value();
            model.addAttribute("dashboard", dashboard);
            model.addAttribute("own", own);
            model.addAttribute("activeNav", own ? "dashboard" : "home");
            model.addAttribute("trend", trend(dashboard));
            return "dashboard";
        });
    }

    private static Trend trend(DashboardView dashboard) {
        List<DashboardView.TrendPoint> points = dashboard.scoreTrend();
        return new Trend(
                Charts.join(points.stream().map(DashboardView.TrendPoint::day).toList()),
                Charts.join(points.stream()
                        .map(DashboardView.TrendPoint::overallScore)
                        .toList()),
                Charts.join(dashboard.phases().stream()
                        .map(DashboardView.PhaseProfile::label)
                        .toList()),
                Charts.join(dashboard.phases().stream()
                        .map(DashboardView.PhaseProfile::averageScore)
                        .toList()),
                Charts.join(dashboard.phases().stream()
                        .map(DashboardView.PhaseProfile::minutes)
                        .toList()),
                Charts.join(dashboard.phases().stream()
                        .map(DashboardView.PhaseProfile::programMinutes)
                        .toList()));
    }

    /** The charts' data, each list joined by {@code |} for a data attribute. */
    record Trend(
            String labels,
            String scores,
            String phaseLabels,
            String phaseScores,
            String phaseMinutes,
            String programMinutes) {}
}
