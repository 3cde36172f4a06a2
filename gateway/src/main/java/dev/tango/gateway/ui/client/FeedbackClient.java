package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tango.gateway.jwt.ServiceTokenIssuer;
import dev.tango.gateway.routing.ServiceUrls;
import dev.tango.gateway.security.TangoPrincipal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The feedback pages' calls to feedback-service (and, for the self-assessment form, the session's rubric from
 * scoring-service), with the signed-in person's service token: the services decide what they may see and do, and
 * answer 404 for whatever is not theirs. Every answer becomes an {@link Outcome}; a failure is never an error page.
 */
@Component
public class FeedbackClient {

    private static final Logger log = LoggerFactory.getLogger(FeedbackClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String FEEDBACK = "/api/feedback";

    private final WebClient client;
    private final ServiceUrls urls;
    private final ServiceTokenIssuer tokens;

    public FeedbackClient(WebClient.Builder builder, ServiceUrls urls, ServiceTokenIssuer tokens) {
        this.client = builder.build();
        this.urls = urls;
        this.tokens = tokens;
    }

    public Mono<Outcome<DashboardView>> dashboard(TangoPrincipal caller, String studentId) {
        return call(caller, HttpMethod.GET, feedback("/students/{id}/dashboard", studentId), null, DashboardView.class);
    }

    public Mono<Outcome<SessionFeedback>> session(TangoPrincipal caller, String sessionId) {
        return call(caller, HttpMethod.GET, feedback("/sessions/{id}", sessionId), null, SessionFeedback.class);
    }

    public Mono<Outcome<SelfAssessmentView>> selfAssessment(TangoPrincipal caller, String sessionId) {
        return call(
                caller,
                HttpMethod.GET,
                feedback("/sessions/{id}/self-assessment", sessionId),
                null,
                SelfAssessmentView.class);
    }

    public Mono<Outcome<String>> saveSelfAssessment(
            TangoPrincipal caller, String sessionId, Map<String, List<String>> markers, String reflection) {
        return call(
                caller,
                HttpMethod.PUT,
                feedback("/sessions/{id}/self-assessment", sessionId),
                Map.of("markers", markers, "reflection", reflection),
                String.class);
    }

    /** The rubric version the session is (or will be) scored against. */
    public Mono<Outcome<SessionRubric>> rubric(TangoPrincipal caller, String sessionId) {
        URI uri = UriComponentsBuilder.fromUri(urls.scoring())
                .path("/api/scoring/sessions/{id}/rubric")
                .buildAndExpand(sessionId)
                .encode()
                .toUri();
        return call(caller, HttpMethod.GET, uri, null, SessionRubric.class);
    }

    // Changes answer with the service's view of what changed; the pages redirect and read it afresh, so the body is
    // kept as text only.

    /** A new comment; {@code body} carries body, kind and the optional time code, phase, item and publish flag. */
    public Mono<Outcome<String>> writeComment(TangoPrincipal caller, String sessionId, Map<String, Object> body) {
        return call(caller, HttpMethod.POST, feedback("/sessions/{id}/comments", sessionId), body, String.class);
    }

    public Mono<Outcome<String>> editComment(
            TangoPrincipal caller, String sessionId, String commentId, Map<String, Object> body) {
        return call(
                caller,
                HttpMethod.PUT,
                feedback("/sessions/{id}/comments/{c}", sessionId, commentId),
                body,
                String.class);
    }

    public Mono<Outcome<String>> publishComment(TangoPrincipal caller, String sessionId, String commentId) {
        return call(
                caller,
                HttpMethod.POST,
                feedback("/sessions/{id}/comments/{c}/publish", sessionId, commentId),
                null,
                String.class);
    }

    public Mono<Outcome<String>> deleteComment(TangoPrincipal caller, String sessionId, String commentId) {
        return call(
                caller,
                HttpMethod.DELETE,
                feedback("/sessions/{id}/comments/{c}", sessionId, commentId),
                null,
                String.class);
    }

    public Mono<Outcome<String>> reply(TangoPrincipal caller, String sessionId, String commentId, String body) {
        return call(
                caller,
                HttpMethod.POST,
                feedback("/sessions/{id}/comments/{c}/replies", sessionId, commentId),
                Map.of("body", body),
                String.class);
    }

    public Mono<Outcome<MetricsView>> metrics(TangoPrincipal caller, String programId, LocalDate from, LocalDate to) {
        UriComponentsBuilder builder =
                UriComponentsBuilder.fromUri(urls.feedback()).path(FEEDBACK + "/programs/{p}/metrics");
        if (from != null) {
            builder.queryParam("from", from);
        }
        if (to != null) {
            builder.queryParam("to", to);
        }
        return call(
                caller,
                HttpMethod.GET,
                builder.buildAndExpand(programId).encode().toUri(),
                null,
                MetricsView.class);
    }

    private URI feedback(String path, Object... variables) {
        return UriComponentsBuilder.fromUri(urls.feedback())
                .path(FEEDBACK + path)
                .buildAndExpand(variables)
                .encode()
                .toUri();
    }

    private <T> Mono<Outcome<T>> call(TangoPrincipal caller, HttpMethod method, URI uri, Object body, Class<T> type) {
        return tokens.tokenFor(caller)
                .flatMap(token -> {
                    WebClient.RequestBodySpec request = client.method(method)
                            .uri(uri)
                            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                            .headers(headers -> headers.setBearerAuth(token));
                    WebClient.RequestHeadersSpec<?> withBody = body == null
                            ? request
                            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    return withBody.exchangeToMono(response -> answer(response, type));
                })
                .timeout(TIMEOUT)
                .defaultIfEmpty(Outcome.unavailable())
                .onErrorResume(error -> {
                    log.warn("{} could not be asked {} {}: {}", uri.getPort(), method, uri.getPath(), error.toString());
                    return Mono.just(Outcome.unavailable());
                });
    }

    private static <T> Mono<Outcome<T>> answer(ClientResponse response, Class<T> type) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            // 204 (a deleted comment) has no body: done all the same.
            return response.bodyToMono(type).map(Outcome::done).defaultIfEmpty(Outcome.done(null));
        }
        if (status == 404) {
            return response.releaseBody().thenReturn(Outcome.notFound());
        }
        if (response.statusCode().is4xxClientError()) {
            return response.bodyToMono(Problem.class)
                    .map(problem -> problem.of(status))
                    .onErrorResume(error -> Mono.empty())
                    .defaultIfEmpty(ServiceProblem.of(status))
                    .map(Outcome::refused);
        }
        log.warn("a service answered {} for a feedback page", status);
        return response.releaseBody().thenReturn(Outcome.unavailable());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String title, String detail, List<ServiceProblem.FieldError> errors) {
        ServiceProblem of(int status) {
            return new ServiceProblem(status, null, title, detail, errors, null, null, null);
        }
    }
}
