package dev.tango.scoring.scorecard.web;

import dev.tango.events.SessionId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.scorecard.PublishedScorecard;
import dev.tango.scoring.scorecard.ScorecardService;
import dev.tango.scoring.scorecard.web.ScorecardViews.MyScorecardView;
import dev.tango.scoring.scorecard.web.ScorecardViews.ObservationView;
import dev.tango.scoring.scorecard.web.ScorecardViews.PublishedView;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/scoring/sessions/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Scorecards", description = "Observations of partnership behaviours, and the scorecards built from them")
@ApiResponse(
        responseCode = "404",
        description = "No such session (yet: it appears once its first event was applied), or one the caller may not "
                + "see",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class ScorecardController {

    private final ScorecardService scoring;
    private final Clock clock;

    ScorecardController(ScorecardService scoring, Clock clock) {
        this.scoring = scoring;
        this.clock = clock;
    }

    @GetMapping("/rubric")
    @Operation(
            summary = "The rubric version the session is scored against",
            description = "Recorded with the first observation; until then, the version its program uses at the "
                    + "session's start (or now, before the start).")
    Mono<Rubric> rubric(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.rubricOf(sessionId, caller).onErrorMap(ScoringProblems::translate);
    }

    @PostMapping(path = "/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record an observation (assigned mentors)",
            description = "While the session runs or after it ended. Announced with "
                    + "tango.score.observation-recorded.v1.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(
            responseCode = "409",
            description = "The session has not started or was cancelled",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<ObservationView>> record(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @Valid @RequestBody ObservationRequest request,
            Caller caller) {
        return scoring.record(sessionId, request.toDraft(), caller)
                .map(ObservationView::of)
                .map(view -> ResponseEntity.created(
                                URI.create("/api/scoring/sessions/" + sessionId + "/observations/" + view.id()))
                        .body(view))
                .onErrorMap(ScoringProblems::translate);
    }

    @GetMapping("/observations")
    @Operation(
            summary = "Observations of the session",
            description = "A mentor gets their own; an admin of the program every mentor's. Retracted ones included.")
    Mono<List<ObservationView>> observations(
            @PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.observations(sessionId, caller)
                .map(all -> all.stream().map(ObservationView::of).toList())
                .onErrorMap(ScoringProblems::translate);
    }

    @PostMapping(path = "/observations/{observationId}/retract", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Retract one of your observations",
            description = "It stays on record and no longer counts. Announced with "
                    + "tango.score.observation-retracted.v1.")
    @ApiResponse(responseCode = "200", description = "Retracted")
    @ApiResponse(
            responseCode = "409",
            description = "Already retracted",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ObservationView> retract(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @PathVariable String observationId,
            @Valid @RequestBody RetractRequest request,
            Caller caller) {
        return scoring.retract(sessionId, observationId, request.reason(), caller)
                .map(ObservationView::of)
                .onErrorMap(ScoringProblems::translate);
    }

    @GetMapping("/scorecards/mine")
    @Operation(
            summary = "Your scorecard of the session as it stands (assigned mentors)",
            description = "The draft, computed from your observations that count; your observations; your last "
                    + "publication, and whether publishing now would say something new.")
    Mono<MyScorecardView> mine(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.mine(sessionId, caller).map(MyScorecardView::of).onErrorMap(ScoringProblems::translate);
    }

    @GetMapping("/scorecards/mine/preview")
    @Operation(
            summary = "What the student would see if you published now",
            description = "The draft in the published shape, with the revision it would get.")
    Mono<PublishedView> preview(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.mine(sessionId, caller)
                .map(mine -> PublishedView.of(PublishedScorecard.of(
                        mine.draft(),
                        mine.lastPublished() == null ? 1 : mine.lastPublished().revision() + 1,
                        clock.instant())))
                .onErrorMap(ScoringProblems::translate);
    }

    @PostMapping("/scorecards/mine/publish")
    @Operation(
            summary = "Publish your scorecard (assigned mentors, once the session ended)",
            description = "The student sees it from now on. The first publication is announced with "
                    + "tango.score.scorecard-published.v1; each later one is a new revision, announced with "
                    + "tango.score.scorecard-revised.v1, and the student sees that the assessment was revised.")
    @ApiResponse(responseCode = "200", description = "Published")
    @ApiResponse(
            responseCode = "409",
            description = "The session has not ended, or nothing changed since the last publication",
            content = @Content(mediaType = "application/problem+json"))
    Mono<PublishedView> publish(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.publish(sessionId, caller).map(PublishedView::of).onErrorMap(ScoringProblems::translate);
    }

    @GetMapping("/scorecards")
    @Operation(
            summary = "The published scorecards of the session",
            description = "The latest revision of each mentor's; never a draft. For the session's student, its "
                    + "mentors and its program's admins.")
    Mono<List<PublishedView>> published(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return scoring.published(sessionId, caller)
                .map(all -> all.stream().map(PublishedView::of).toList())
                .onErrorMap(ScoringProblems::translate);
    }
}
