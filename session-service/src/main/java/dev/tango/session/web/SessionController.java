package dev.tango.session.web;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.session.SessionQuery;
import dev.tango.session.SessionService;
import dev.tango.session.SessionStatus;
import dev.tango.session.TranscriptLimits;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Schedule practice sessions and mark their phases")
@ApiResponse(
        responseCode = "400",
        description = "Malformed JSON, unknown or invalid fields, or an invalid id",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "401",
        description = "No bearer token, or one that is not valid",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "403",
        description = "Scheduling outside the programs one administers, or cancelling as the session's student",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "404",
        description = "No such session, or one the caller may not see",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a session", description = "Announces it with tango.session.scheduled.v1.")
    @ApiResponse(responseCode = "201", description = "Scheduled; Location names the session")
    @ApiResponse(
            responseCode = "413",
            description = "Body too large",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<SessionView>> create(@Valid @RequestBody CreateSessionRequest request, Caller caller) {
        return sessions.schedule(request.toCommand(), caller)
                .map(SessionView::of)
                .map(view -> ResponseEntity.created(URI.create("/api/sessions/" + view.id()))
                        .body(view))
                .onErrorMap(SessionProblems::translate);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a session")
    @ApiResponse(responseCode = "200", description = "The session")
    Mono<SessionView> get(@Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id, Caller caller) {
        return sessions.find(id, caller).map(SessionView::of).onErrorMap(SessionProblems::translate);
    }

    @GetMapping
    @Operation(
            summary = "List the sessions the caller may see, newest scheduled first",
            description = "A student sees their own sessions, a mentor those assigned to them, an admin those of their "
                    + "programs. The filters narrow that down; they all apply.")
    @ApiResponse(responseCode = "200", description = "One page of sessions")
    Mono<SessionPageView> list(
            @Parameter(schema = @Schema(type = "string", pattern = SessionApi.ID_PATTERN))
                    @RequestParam(required = false)
                    ProgramId programId,
            @Parameter(schema = @Schema(type = "string", pattern = SessionApi.ID_PATTERN))
                    @RequestParam(required = false)
                    UserId studentId,
            @Parameter(schema = @Schema(type = "string", pattern = SessionApi.ID_PATTERN))
                    @RequestParam(required = false)
                    UserId mentorId,
            @RequestParam(required = false) SessionStatus status,
            @Parameter(schema = @Schema(minimum = "0", maximum = "" + SessionQuery.MAX_PAGE))
                    @RequestParam(defaultValue = "0")
                    int page,
            @Parameter(schema = @Schema(minimum = "1", maximum = "" + SessionQuery.MAX_SIZE))
                    @RequestParam(defaultValue = "" + SessionQuery.DEFAULT_SIZE)
                    int size,
            Caller caller) {
        return Mono.fromCallable(() -> new SessionQuery(programId, studentId, mentorId, status, page, size))
                .flatMap(query -> sessions.list(query, caller))
                .map(SessionPageView::of)
                .onErrorMap(SessionProblems::translate);
    }

    @PostMapping("/{id}/start")
    @Operation(
            summary = "Start a scheduled session",
            description = "The session enters OPENING: tango.session.started.v1, then tango.session.phase-entered.v1.")
    @ApiResponse(responseCode = "200", description = "Started")
    @ApiResponse(responseCode = "409", description = "The session is not SCHEDULED")
    Mono<SessionView> start(@Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id, Caller caller) {
        return sessions.start(id, caller).map(SessionView::of).onErrorMap(SessionProblems::translate);
    }

    @PostMapping(path = "/{id}/phase", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Move to another phase",
            description = "Allowed: OPENING to EXPLORING or MEANING_MAKING; EXPLORING and MEANING_MAKING to each other "
                    + "or to ACTION_PLANNING; ACTION_PLANNING to EXPLORING, MEANING_MAKING or CLOSING; CLOSING to "
                    + "ACTION_PLANNING. Announced with tango.session.phase-entered.v1.")
    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(
            responseCode = "409",
            description = "The move is not allowed (the problem lists allowedMoves), the session is not IN_PROGRESS, "
                    + "or another request changed it at the same time",
            content = @Content(mediaType = "application/problem+json"))
    Mono<SessionView> enterPhase(
            @Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id,
            @Valid @RequestBody EnterPhaseRequest request,
            Caller caller) {
        return sessions.enterPhase(id, request.phase(), request.offsetMs(), caller)
                .map(SessionView::of)
                .onErrorMap(SessionProblems::translate);
    }

    @GetMapping("/{id}/transcript")
    @Operation(summary = "Read a session's transcript", description = "Every speaker turn, in order.")
    @ApiResponse(responseCode = "200", description = "The transcript; empty when there is none yet")
    Mono<TranscriptView> transcript(
            @Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id, Caller caller) {
        return sessions.transcript(id, caller)
                .map(segments -> TranscriptView.of(id, segments))
                .onErrorMap(SessionProblems::translate);
    }

    @PostMapping(path = "/{id}/transcript/segments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Append speaker turns to the transcript",
            description = "While the session runs or after it ended; by its mentors or the program's admins. At most "
                    + TranscriptLimits.SEGMENTS_PER_BATCH + " segments per request, "
                    + TranscriptLimits.SEGMENTS_PER_SESSION + " segments and "
                    + TranscriptLimits.CHARACTERS_PER_SESSION + " characters per session. Announced with "
                    + "tango.session.transcript-appended.v1.")
    @ApiResponse(responseCode = "200", description = "Appended")
    @ApiResponse(
            responseCode = "409",
            description = "The session is SCHEDULED or CANCELLED, or another request changed it at the same time",
            content = @Content(mediaType = "application/problem+json"))
    Mono<TranscriptAppendView> appendSegments(
            @Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id,
            @Valid @RequestBody AppendSegmentsRequest request,
            Caller caller) {
        return sessions.appendTranscript(id, request.drafts(), caller)
                .map(session ->
                        TranscriptAppendView.of(session, request.segments().size()))
                .onErrorMap(SessionProblems::translate);
    }

    @PostMapping(path = "/{id}/transcript/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a whole transcript",
            description = "One speaker turn per line with its time code, in the ICF style: \"[00:01:23] Coach: ...\", "
                    + "\"00:01:23 Coach: ...\" or \"Coach (00:01:23): ...\". Only into a session without a "
                    + "transcript, by its mentors or the program's admins. A file with unreadable lines is refused "
                    + "with each listed (lineErrors), unless skipInvalidLines is set. Announced with "
                    + "tango.session.transcript-appended.v1 events of up to " + TranscriptLimits.SEGMENTS_PER_EVENT
                    + " segments.")
    @ApiResponse(responseCode = "200", description = "Imported")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The session already has a transcript, is SCHEDULED or CANCELLED, or changed at the same time",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Lines that cannot be read, each in lineErrors with its number; nothing was imported",
            content = @Content(mediaType = "application/problem+json"))
    Mono<TranscriptImportView> importTranscript(
            @Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id,
            @Valid @RequestBody ImportTranscriptRequest request,
            Caller caller) {
        return sessions.importTranscript(id, request.toImport(), caller)
                .map(TranscriptImportView::of)
                .onErrorMap(SessionProblems::translate);
    }

    @PostMapping("/{id}/end")
    @Operation(
            summary = "End a session in progress",
            description = "Announced with tango.session.ended.v1: time per phase, skipped phases, duration.")
    @ApiResponse(responseCode = "200", description = "Ended")
    @ApiResponse(responseCode = "409", description = "The session is not IN_PROGRESS")
    Mono<SessionView> end(@Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id, Caller caller) {
        return sessions.end(id, caller).map(SessionView::of).onErrorMap(SessionProblems::translate);
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cancel a scheduled or running session",
            description = "Announced with tango.session.cancelled.v1.")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "The session already ended or was cancelled")
    Mono<SessionView> cancel(
            @Parameter(schema = @Schema(type = "string")) @PathVariable SessionId id,
            @Valid @RequestBody CancelSessionRequest request,
            Caller caller) {
        return sessions.cancel(id, request.reason(), caller)
                .map(SessionView::of)
                .onErrorMap(SessionProblems::translate);
    }
}
