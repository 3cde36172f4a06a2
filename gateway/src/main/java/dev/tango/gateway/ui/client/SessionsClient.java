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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Reads session lists for the home pages: a student's from feedback-service, a mentor's or a program's from
 * session-service. 404 means "none yet"; any other failure (down, 5xx, timeout) is shown as unavailable, never as an
 * error page. Reads one session for its page from session-service, with its timing from scoring-service.
 */
@Component
public class SessionsClient {

    private static final Logger log = LoggerFactory.getLogger(SessionsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

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
     * One session, as the caller may see it. The services decide who sees what and answer 404 for someone else's
     * session; the page then says "not found" and shows nothing of it. Only once session-service has shown the session
     * is scoring-service asked for its timing, which is optional: the page shows the session without it.
     */
    public Mono<SessionLookup> session(TangoPrincipal caller, SessionId sessionId) {
        String url =
                urls.session().resolve("/api/sessions/" + sessionId.value()).toString();
        return tokens.tokenFor(caller)
                .flatMap(token -> fetch(url, token, Session.class)
                        .map(Session::detail)
                        .flatMap(detail ->
                                timing(sessionId, token).map(detail::withTiming).defaultIfEmpty(detail))
                        .map(SessionLookup::found))
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

    /** The session's timing, or empty while scoring-service has not seen its events (404) or cannot answer. */
    private Mono<SessionDetail.Timing> timing(SessionId sessionId, String token) {
        String url = urls.scoring()
                .resolve("/api/scoring/sessions/" + sessionId.value() + "/timeline")
                .toString();
        return fetch(url, token, Timeline.class).map(Timeline::timing).onErrorResume(error -> {
            if (!(error instanceof WebClientResponseException response
                    && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND))) {
                log.warn("scoring-service could not be read for a session page: {}", error.toString());
            }
            return Mono.empty();
        });
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
    record SessionItem(
            String sessionId,
            String programId,
            String mode,
            String status,
            Instant scheduledFor,
            Instant startedAt,
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
    record Session(
            String id,
            String programId,
            String studentId,
            List<String> mentorIds,
            String mode,
            String status,
            String currentPhase,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Instant cancelledAt,
            String cancelReason,
            List<Phase> phases) {
        SessionDetail detail() {
            return new SessionDetail(
                    id,
                    programId,
                    studentId,
                    mentorIds,
                    mode,
                    status,
                    currentPhase,
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
                    null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Phase(String phase, Instant enteredAt, Long offsetMs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timeline(Map<String, Long> timeInPhaseMs, List<String> skippedPhases, Long durationMs) {
        SessionDetail.Timing timing() {
            return new SessionDetail.Timing(timeInPhaseMs, skippedPhases, durationMs);
        }
    }
}
