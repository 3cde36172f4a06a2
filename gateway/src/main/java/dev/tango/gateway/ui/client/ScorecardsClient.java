package dev.tango.gateway.ui.client;

import dev.tango.events.SessionId;
import dev.tango.gateway.jwt.ServiceTokenIssuer;
import dev.tango.gateway.routing.ServiceUrls;
import dev.tango.gateway.security.TangoPrincipal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The scoring panel's calls to scoring-service, with the signed-in person's service token: the session's rubric, the
 * mentor's own scorecard and its preview, observations and their retraction, publication, and the published
 * scorecards a student reads. scoring-service decides who may do what. Every answer becomes a {@link RubricCall} (the
 * same four states as the rubric pages'); a failure is never an error page. Right after a session is created or
 * started, scoring-service may not have heard of it yet (404) or of its start (409): the panel says so.
 */
@Component
public class ScorecardsClient {

    private static final Logger log = LoggerFactory.getLogger(ScorecardsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SESSION = "/api/scoring/sessions/{id}";

    private final WebClient client;
    private final ServiceUrls urls;
    private final ServiceTokenIssuer tokens;

    public ScorecardsClient(WebClient.Builder builder, ServiceUrls urls, ServiceTokenIssuer tokens) {
        this.client = builder.build();
        this.urls = urls;
        this.tokens = tokens;
    }

    public Mono<RubricCall<SessionRubric>> rubric(TangoPrincipal caller, SessionId session) {
        return call(caller, HttpMethod.GET, uri(SESSION + "/rubric", session), null, null, SessionRubric.class);
    }

    public Mono<RubricCall<MyScorecard>> mine(TangoPrincipal caller, SessionId session) {
        return call(caller, HttpMethod.GET, uri(SESSION + "/scorecards/mine", session), null, null, MyScorecard.class);
    }

    /** What the student would see if the mentor published now, with the revision it would get. */
    public Mono<RubricCall<Scorecard>> preview(TangoPrincipal caller, SessionId session) {
        return call(
                caller,
                HttpMethod.GET,
                uri(SESSION + "/scorecards/mine/preview", session),
                null,
                null,
                Scorecard.class);
    }

    /** The latest published revision of each mentor's scorecard; never a draft. */
    public Mono<RubricCall<List<Scorecard>>> published(TangoPrincipal caller, SessionId session) {
        return call(caller, HttpMethod.GET, uri(SESSION + "/scorecards", session), null, null, Scorecard[].class)
                .map(answer -> answer.isOk()
                        ? RubricCall.ok(Arrays.asList(answer.value()))
                        : new RubricCall<>(answer.state(), null, answer.problem()));
    }

    /**
     * Records a marker or an anti-signal occurrence. {@code phase} and {@code timeCodeMs} are sent only when given:
     * scoring-service then puts a marker in its own phase, and (LIVE) takes "now" as the time code.
     */
    public Mono<RubricCall<Observation>> record(
            TangoPrincipal caller,
            SessionId session,
            String kind,
            String itemId,
            String phase,
            Long timeCodeMs,
            String note,
            String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("itemId", itemId);
        if (phase != null) {
            body.put("phase", phase);
        }
        if (timeCodeMs != null) {
            body.put("timeCodeMs", timeCodeMs);
        }
        if (note != null) {
            body.put("note", note);
        }
        return call(
                caller,
                HttpMethod.POST,
                uri(SESSION + "/observations", session),
                body,
                idempotencyKey,
                Observation.class);
    }

    public Mono<RubricCall<Observation>> retract(
            TangoPrincipal caller, SessionId session, String observationId, String reason, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return call(
                caller,
                HttpMethod.POST,
                UriComponentsBuilder.fromUri(urls.scoring())
                        .path(SESSION + "/observations/{obs}/retract")
                        .buildAndExpand(session.value(), observationId)
                        .encode()
                        .toUri(),
                body,
                idempotencyKey,
                Observation.class);
    }

    public Mono<RubricCall<Scorecard>> publish(TangoPrincipal caller, SessionId session, String idempotencyKey) {
        return call(
                caller,
                HttpMethod.POST,
                uri(SESSION + "/scorecards/mine/publish", session),
                null,
                idempotencyKey,
                Scorecard.class);
    }

    private URI uri(String path, SessionId session) {
        return UriComponentsBuilder.fromUri(urls.scoring())
                .path(path)
                .buildAndExpand(session.value())
                .encode()
                .toUri();
    }

    private <T> Mono<RubricCall<T>> call(
            TangoPrincipal caller, HttpMethod method, URI uri, Object body, String idempotencyKey, Class<T> type) {
        return tokens.tokenFor(caller)
                .flatMap(token -> {
                    WebClient.RequestBodySpec request = client.method(method)
                            .uri(uri)
                            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                            .headers(headers -> {
                                headers.setBearerAuth(token);
                                if (idempotencyKey != null) {
                                    headers.set(SessionsClient.IDEMPOTENCY_KEY, idempotencyKey);
                                }
                            });
                    WebClient.RequestHeadersSpec<?> withBody = body == null
                            ? request
                            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    return withBody.exchangeToMono(response -> answer(response, type));
                })
                .timeout(TIMEOUT)
                .defaultIfEmpty(RubricCall.unavailable())
                .onErrorResume(error -> {
                    log.warn("scoring-service could not be asked {} {}: {}", method, uri.getPath(), error.toString());
                    return Mono.just(RubricCall.unavailable());
                });
    }

    private static <T> Mono<RubricCall<T>> answer(ClientResponse response, Class<T> type) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type).map(RubricCall::ok);
        }
        if (status == 404) {
            return response.releaseBody().thenReturn(RubricCall.notFound());
        }
        if (response.statusCode().is4xxClientError()) {
            return response.bodyToMono(RubricCall.Problem.class)
                    .onErrorResume(e -> Mono.empty())
                    .defaultIfEmpty(RubricCall.Problem.of(status))
                    .map(problem -> RubricCall.<T>refused(
                            problem.status() == status
                                    ? problem
                                    : new RubricCall.Problem(
                                            status, problem.title(), problem.detail(), problem.errors())));
        }
        log.warn("scoring-service answered {} for the scoring panel", status);
        return response.releaseBody().thenReturn(RubricCall.unavailable());
    }
}
