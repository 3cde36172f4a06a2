package dev.tango.gateway.ui.client;

import dev.tango.events.ProgramId;
import dev.tango.gateway.jwt.ServiceTokenIssuer;
import dev.tango.gateway.routing.ServiceUrls;
import dev.tango.gateway.security.TangoPrincipal;
import java.net.URI;
import java.time.Duration;
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
 * The rubric pages' calls to scoring-service, with the signed-in person's service token: scoring-service decides what
 * they may see and do. Every answer becomes a {@link RubricCall}; a failure is never an error page.
 */
@Component
public class RubricsClient {

    private static final Logger log = LoggerFactory.getLogger(RubricsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String RUBRICS = "/api/scoring/rubrics";

    private final WebClient client;
    private final ServiceUrls urls;
    private final ServiceTokenIssuer tokens;

    public RubricsClient(WebClient.Builder builder, ServiceUrls urls, ServiceTokenIssuer tokens) {
        this.client = builder.build();
        this.urls = urls;
        this.tokens = tokens;
    }

    public Mono<RubricCall<RubricList>> list(TangoPrincipal caller) {
        return call(caller, HttpMethod.GET, uri(RUBRICS), null, RubricList.class);
    }

    public Mono<RubricCall<RubricVersion>> version(TangoPrincipal caller, String rubricId, int version) {
        return call(
                caller,
                HttpMethod.GET,
                uri(RUBRICS + "/{id}/versions/{v}", rubricId, version),
                null,
                RubricVersion.class);
    }

    /** The latest version the caller may see: a draft for the owning program's admins. */
    public Mono<RubricCall<RubricVersion>> latest(TangoPrincipal caller, String rubricId) {
        return call(caller, HttpMethod.GET, uri(RUBRICS + "/{id}", rubricId), null, RubricVersion.class);
    }

    public Mono<RubricCall<RubricVersion>> publish(TangoPrincipal caller, String rubricId, int version) {
        return call(
                caller,
                HttpMethod.POST,
                uri(RUBRICS + "/{id}/versions/{v}/publish", rubricId, version),
                null,
                RubricVersion.class);
    }

    public Mono<RubricCall<RubricVersion>> newDraft(TangoPrincipal caller, String rubricId) {
        return call(caller, HttpMethod.POST, uri(RUBRICS + "/{id}/drafts", rubricId), null, RubricVersion.class);
    }

    /** Sends the text as it was given: scoring-service says what is wrong with it, every problem at once. */
    public Mono<RubricCall<RubricVersion>> importRubric(
            TangoPrincipal caller, ProgramId program, String rubricId, String json) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(urls.scoring())
                .path(RUBRICS + "/import")
                .queryParam("programId", program.value());
        if (rubricId != null && !rubricId.isBlank()) {
            builder.queryParam("rubricId", rubricId);
        }
        return call(caller, HttpMethod.POST, builder.encode().build().toUri(), json, RubricVersion.class);
    }

    public Mono<RubricCall<ProgramRubric>> programRubric(TangoPrincipal caller, ProgramId program) {
        return call(
                caller,
                HttpMethod.GET,
                uri("/api/scoring/programs/{p}/rubric", program.value()),
                null,
                ProgramRubric.class);
    }

    public Mono<RubricCall<ProgramRubric>> assign(
            TangoPrincipal caller, ProgramId program, String rubricId, int version) {
        return call(
                caller,
                HttpMethod.PUT,
                uri("/api/scoring/programs/{p}/rubric", program.value()),
                Map.of("rubricId", rubricId, "version", version),
                ProgramRubric.class);
    }

    private URI uri(String path, Object... variables) {
        return UriComponentsBuilder.fromUri(urls.scoring())
                .path(path)
                .buildAndExpand(variables)
                .encode()
                .toUri();
    }

    private <T> Mono<RubricCall<T>> call(
            TangoPrincipal caller, HttpMethod method, URI uri, Object body, Class<T> type) {
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
        log.warn("scoring-service answered {} for a rubric page", status);
        return response.releaseBody().thenReturn(RubricCall.unavailable());
    }
}
