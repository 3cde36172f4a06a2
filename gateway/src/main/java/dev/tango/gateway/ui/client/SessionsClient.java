package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.gateway.jwt.ServiceTokenIssuer;
import dev.tango.gateway.routing.ServiceUrls;
import dev.tango.gateway.security.TangoPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Reads session lists for the home pages: a student's from feedback-service, a mentor's or a program's from
 * session-service. 404 means "none yet"; any other failure (down, 5xx, timeout) is shown as unavailable, never as an
 * error page. Reads one session and its transcript for the session page, and sends the console's changes (start,
 * phase moves, end, cancel, transcript import) to session-service, always with the signed-in person's service token:
 * the service decides what they may do.
 */
@Component
public class SessionsClient {

    private static final Logger log = LoggerFactory.getLogger(SessionsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** A long transcript takes the service a while to read and store. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(30);

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebClient client;
    private final ServiceUrls urls;
    private final ServiceTokenIssuer tokens;

    public SessionsClient(WebClient.Builder builder, ServiceUrls urls, ServiceTokenIssuer tokens) {
        this.client = builder.build();
        this.urls = urls;
        this.tokens = tokens;
    }

    public Mono<SessionList> studentSessions(TangoPrincipal caller, UserId studentId) {
        return get(
                caller,
                urls.feedback()
                        .resolve("/api/feedback/students/" + studentId.value() + "/sessions")
                        .toString(),
                StudentSessions.class,
                body -> body.sessions() == null
                        ? List.of()
                        : body.sessions().stream().map(StudentSession::row).toList(),
                "feedback-service");
    }

    public Mono<SessionList> mentorSessions(TangoPrincipal caller, UserId mentorId) {
        return get(
                caller,
                urls.session()
                        .resolve("/api/sessions?mentorId=" + mentorId.value())
                        .toString(),
                SessionPage.class,
                SessionPage::rows,
                "session-service");
    }

    public Mono<SessionList> programSessions(TangoPrincipal caller, ProgramId programId) {
        return get(
                caller,
                urls.session()
                        .resolve("/api/sessions?programId=" + programId.value())
                        .toString(),
                SessionPage.class,
                SessionPage::rows,
                "session-service");
    }

    /**
     * One session, as the caller may see it. The service decides who sees what and answers 404 for someone else's
     * session; the page then says "not found" and shows nothing of it.
     */
    public Mono<SessionLookup> session(TangoPrincipal caller, SessionId sessionId) {
        String url = sessionUrl(sessionId, "");
        return tokens.tokenFor(caller)
                .flatMap(token -> fetch(url, token, Session.class))
                .map(Session::detail)
                .map(SessionLookup::found)
                .defaultIfEmpty(SessionLookup.notFound())
                .onErrorResume(error -> {
                    if (error instanceof WebClientResponseException response && hidesTheSession(response)) {
                        return Mono.just(SessionLookup.notFound());
                    }
                    log.warn("session-service could not be read for a session page: {}", error.toString());
                    return Mono.just(SessionLookup.unavailable(
                            "This session cannot be shown right now: the session-service is not available."));
                });
    }

    /** The session's transcript; none yet (or a 404) is an empty one, any other failure is "unavailable". */
    public Mono<Transcript> transcript(TangoPrincipal caller, SessionId sessionId) {
        String url = sessionUrl(sessionId, "/transcript");
        return tokens.tokenFor(caller)
                .flatMap(token -> fetch(url, token, TranscriptBody.class))
                .map(TranscriptBody::transcript)
                .defaultIfEmpty(Transcript.none())
                .onErrorResume(error -> {
                    if (error instanceof WebClientResponseException response
                            && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return Mono.just(Transcript.none());
                    }
                    log.warn("session-service could not be read for a transcript: {}", error.toString());
                    return Mono.just(Transcript.unavailable());
                });
    }

    /** Starts a scheduled session: it enters OPENING and its clock runs. */
    public Mono<Outcome<SessionDetail>> start(TangoPrincipal caller, SessionId sessionId, String idempotencyKey) {
        return post(caller, sessionUrl(sessionId, "/start"), null, idempotencyKey, WRITE_TIMEOUT, Session.class)
                .map(outcome -> outcome.map(Session::detail));
    }

    /**
     * Moves the session to {@code phase}; {@code offsetMs} (REVIEW sessions only) is where in the recording the move
     * happens, null to send none.
     */
    public Mono<Outcome<SessionDetail>> enterPhase(
            TangoPrincipal caller, SessionId sessionId, String phase, Long offsetMs, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phase", phase);
        if (offsetMs != null) {
            body.put("offsetMs", offsetMs);
        }
        return post(caller, sessionUrl(sessionId, "/phase"), body, idempotencyKey, WRITE_TIMEOUT, Session.class)
                .map(outcome -> outcome.map(Session::detail));
    }

    public Mono<Outcome<SessionDetail>> end(TangoPrincipal caller, SessionId sessionId, String idempotencyKey) {
        return post(caller, sessionUrl(sessionId, "/end"), null, idempotencyKey, WRITE_TIMEOUT, Session.class)
                .map(outcome -> outcome.map(Session::detail));
    }

    public Mono<Outcome<SessionDetail>> cancel(
            TangoPrincipal caller, SessionId sessionId, String reason, String idempotencyKey) {
        return post(
                        caller,
                        sessionUrl(sessionId, "/cancel"),
                        Map.of("reason", reason),
                        idempotencyKey,
                        WRITE_TIMEOUT,
                        Session.class)
                .map(outcome -> outcome.map(Session::detail));
    }

    /**
     * Imports a transcript file. A file with lines that cannot be read, sent without {@code skipInvalidLines}, is
     * refused (422) with the problem's {@code lineErrors}, and nothing is imported.
     */
    public Mono<Outcome<TranscriptImported>> importTranscript(
            TangoPrincipal caller, SessionId sessionId, TranscriptUpload upload, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", upload.text());
        body.put("skipInvalidLines", upload.skipInvalidLines());
        if (!upload.speakers().isEmpty()) {
            body.put("speakers", upload.speakers());
        }
        return post(
                        caller,
                        sessionUrl(sessionId, "/transcript/import"),
                        body,
                        idempotencyKey,
                        IMPORT_TIMEOUT,
                        ImportBody.class)
                .map(outcome -> outcome.map(ImportBody::result));
    }

    private String sessionUrl(SessionId sessionId, String path) {
        return urls.session()
                .resolve("/api/sessions/" + sessionId.value() + path)
                .toString();
    }

    /**
     * POSTs a change with the caller's token and, when given, an {@code Idempotency-Key} (so that a form sent twice
     * changes the session once). 2xx is done, 404 not found, any other 4xx a problem to show; a 5xx, a timeout or a
     * service that cannot be reached leaves the result unknown.
     */
    private <B> Mono<Outcome<B>> post(
            TangoPrincipal caller, String url, Object body, String idempotencyKey, Duration timeout, Class<B> type) {
        return tokens.tokenFor(caller)
                .flatMap(token -> {
                    WebClient.RequestBodySpec request = client.post()
                            .uri(url)
                            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                            .headers(headers -> {
                                headers.setBearerAuth(token);
                                if (idempotencyKey != null) {
                                    headers.set(IDEMPOTENCY_KEY, idempotencyKey);
                                }
                            });
                    WebClient.RequestHeadersSpec<?> sent = body == null
                            ? request
                            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    return sent.exchangeToMono(response -> answer(response, type))
                            .timeout(timeout);
                })
                .defaultIfEmpty(Outcome.notFound())
                .onErrorResume(error -> {
                    log.warn("session-service could not be reached for POST {}: {}", url, error.toString());
                    return Mono.just(Outcome.unavailable());
                });
    }

    private static <B> Mono<Outcome<B>> answer(ClientResponse response, Class<B> type) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type).map(Outcome::done);
        }
        if (status == 404) {
            return response.releaseBody().thenReturn(Outcome.notFound());
        }
        if (response.statusCode().is4xxClientError()) {
            return response.bodyToMono(ProblemBody.class)
                    .map(problem -> problem.problem(status))
                    .onErrorResume(error -> Mono.empty())
                    .defaultIfEmpty(ServiceProblem.of(status))
                    .map(Outcome::refused);
        }
        log.warn("session-service answered {} to a change", status);
        return response.releaseBody().thenReturn(Outcome.unavailable());
    }

    /** 404 (none, or someone else's), 403 (not for this role) and 400 (not a session id) all read as "not found". */
    private static boolean hidesTheSession(WebClientResponseException response) {
        int status = response.getStatusCode().value();
        return status == 404 || status == 403 || status == 400;
    }

    private <T> Mono<T> fetch(String url, String token, Class<T> type) {
        return client.get()
                .uri(url)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve()
                .bodyToMono(type)
                .timeout(TIMEOUT);
    }

    private <T> Mono<SessionList> get(
            TangoPrincipal caller, String url, Class<T> type, Function<T, List<SessionRow>> rows, String service) {
        return tokens.tokenFor(caller)
                .flatMap(token -> fetch(url, token, type))
                .map(body -> SessionList.of(rows.apply(body)))
                .defaultIfEmpty(SessionList.empty())
                .onErrorResume(error -> {
                    if (error instanceof WebClientResponseException response
                            && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return Mono.just(SessionList.empty());
                    }
                    log.warn("{} could not be read for the home page: {}", service, error.toString());
                    return Mono.just(SessionList.unavailable(
                            "Sessions cannot be shown right now: the " + service + " is not available."));
                });
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StudentSessions(String studentId, List<StudentSession> sessions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StudentSession(
            String sessionId,
            String programId,
            String mode,
            String status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Long durationMs,
            List<String> phasesVisited,
            String currentPhase) {
        SessionRow row() {
            return new SessionRow(
                    sessionId,
                    programId,
                    mode,
                    status,
                    startedAt != null ? startedAt : scheduledFor,
                    durationMs,
                    phasesVisited == null ? List.of() : phasesVisited,
                    currentPhase);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionPage(List<SessionItem> items, Integer page, Integer size, Long total) {
        List<SessionRow> rows() {
            return items == null
                    ? List.of()
                    : items.stream().map(SessionItem::row).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** One item of session-service's list: a session as GET /api/sessions/{id} shows it. */
    record SessionItem(
            String id,
            String programId,
            String mode,
            String status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            List<Phase> phases,
            String currentPhase) {
        SessionRow row() {
            return new SessionRow(
                    id,
                    programId,
                    mode,
                    status,
                    startedAt != null ? startedAt : scheduledFor,
                    startedAt != null && endedAt != null
                            ? Duration.between(startedAt, endedAt).toMillis()
                            : null,
                    phases == null
                            ? List.of()
                            : phases.stream().map(Phase::phase).toList(),
                    currentPhase);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(
            String id,
            String programId,
            String studentId,
            List<String> mentorIds,
            String mode,
            String status,
            String currentPhase,
            List<String> allowedMoves,
            String clientLabel,
            String goal,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Instant cancelledAt,
            String cancelReason,
            List<Phase> phases,
            TranscriptCounts transcript,
            Long version) {
        SessionDetail detail() {
            return new SessionDetail(
                    id,
                    programId,
                    studentId,
                    mentorIds,
                    mode,
                    status,
                    currentPhase,
                    allowedMoves,
                    clientLabel,
                    goal,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    cancelledAt,
                    cancelReason,
                    phases == null
                            ? List.of()
                            : phases.stream()
                                    .map(phase -> new SessionDetail.PhaseEntry(
                                            phase.phase(), phase.enteredAt(), phase.offsetMs()))
                                    .toList(),
                    transcript == null ? null : transcript.summary(),
                    version == null ? 0 : version);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Phase(String phase, Instant enteredAt, Long offsetMs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TranscriptCounts(Integer segments, Long characters, Long lastEndMs) {
        SessionDetail.TranscriptSummary summary() {
            return new SessionDetail.TranscriptSummary(
                    segments == null ? 0 : segments, characters == null ? 0 : characters, lastEndMs);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TranscriptBody(String sessionId, List<SegmentBody> segments, Long total) {
        Transcript transcript() {
            return Transcript.of(
                    segments == null
                            ? List.of()
                            : segments.stream().map(SegmentBody::segment).toList(),
                    total);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SegmentBody(Integer index, String speaker, String text, Long startMs, Long endMs) {
        Transcript.Segment segment() {
            return new Transcript.Segment(index == null ? 0 : index, speaker, text, startMs, endMs);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportBody(String sessionId, Integer imported, List<LineErrorBody> skippedLines, Integer segments) {
        TranscriptImported result() {
            return new TranscriptImported(
                    imported == null ? 0 : imported, LineErrorBody.all(skippedLines), segments == null ? 0 : segments);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineErrorBody(Integer line, String text, String reason) {
        static List<ServiceProblem.LineError> all(List<LineErrorBody> lines) {
            return lines == null
                    ? List.of()
                    : lines.stream()
                            .map(line -> new ServiceProblem.LineError(
                                    line.line() == null ? 0 : line.line(), line.text(), line.reason()))
                            .toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FieldErrorBody(String field, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemBody(
            String type,
            String title,
            String detail,
            List<FieldErrorBody> errors,
            List<String> allowedMoves,
            String sessionStatus,
            List<LineErrorBody> lineErrors) {
        ServiceProblem problem(int status) {
            return new ServiceProblem(
                    status,
                    type == null ? null : type.substring(type.lastIndexOf('/') + 1),
                    title,
                    detail,
                    errors == null
                            ? List.of()
                            : errors.stream()
                                    .map(error -> new ServiceProblem.FieldError(error.field(), error.message()))
                                    .toList(),
                    allowedMoves,
                    sessionStatus,
                    LineErrorBody.all(lineErrors));
        }
    }
}
