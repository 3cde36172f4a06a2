package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.CreateRubric;
import dev.tango.scoring.rubric.RubricJson;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.rubric.RubricService;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/scoring/rubrics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Rubrics",
        description = "Versioned rubrics: phases, markers, anti-signals and scoring parameters; a published version"
                + " never changes")
@ApiResponse(
        responseCode = "400",
        description = "Malformed JSON, or a rubric that breaks rules: errors lists every problem with its JSON path",
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
        description = "Changing a rubric (or creating one for a program) without being an admin of its program;"
                + " changing the built-in rubric",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "404",
        description = "No such rubric or version, or a draft of a program the caller does not administer",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class RubricController {

    private final RubricService rubrics;

    RubricController(RubricService rubrics) {
        this.rubrics = rubrics;
    }

    @GetMapping
    @Operation(
            summary = "List rubrics",
            description = "The built-in rubrics, then the rubrics of the programs the caller administers, each with"
                    + " the versions the caller may see and their status.")
    @ApiResponse(responseCode = "200", description = "The rubrics")
    Mono<RubricListView> list(Caller caller) {
        return rubrics.list(caller).collectList().map(RubricListView::of);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a rubric of a program",
            description = "Version 1, a DRAFT, owned by the program; by an admin of that program. From the content"
                    + " given, or as a copy of a version the caller may see (basedOn, e.g. the built-in"
                    + " partnership v1).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the version")
    @ApiResponse(
            responseCode = "409",
            description = "The rubric id is taken",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<RubricVersionView>> create(@RequestBody CreateRubricRequest request, Caller caller) {
        return rubrics.create(request.toCommand(), caller)
                .map(RubricVersionView::of)
                .map(RubricController::created)
                .onErrorMap(RubricProblems::translate);
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a rubric",
            description = "The body is a rubric in the export format. It becomes version 1 of a new rubric of the"
                    + " program, as a DRAFT; by an admin of that program. A rubric that breaks rules is refused with"
                    + " every problem listed, and nothing is stored.")
    @ApiResponse(responseCode = "201", description = "Imported; Location names the version")
    @ApiResponse(
            responseCode = "409",
            description = "The rubric id is taken",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<RubricVersionView>> importRubric(
            @Parameter(description = "The program that will own it", schema = @Schema(type = "string")) @RequestParam
                    ProgramId programId,
            @Parameter(
                            description = "The id wanted; chosen by the server from the name when left out",
                            schema = @Schema(pattern = RubricApi.ID_PATTERN, maxLength = 64))
                    @RequestParam(required = false)
                    String rubricId,
            @RequestBody RubricJson content,
            Caller caller) {
        return rubrics.create(new CreateRubric(programId, rubricId, content, null, ""), caller)
                .map(RubricVersionView::of)
                .map(RubricController::created)
                .onErrorMap(RubricProblems::translate);
    }

    @GetMapping("/{rubricId}")
    @Operation(
            summary = "Read the latest version of a rubric",
            description = "For the admins of the owning program, the latest version (possibly a DRAFT); for anyone"
                    + " else, the latest published one.")
    @ApiResponse(responseCode = "200", description = "The version")
    Mono<RubricVersionView> latest(@PathVariable String rubricId, Caller caller) {
        return rubrics.latest(rubricId, caller).map(RubricVersionView::of).onErrorMap(RubricProblems::translate);
    }

    @GetMapping("/{rubricId}/versions/{version}")
    @Operation(
            summary = "Read one version of a rubric",
            description = "A published version for anyone signed in (scorecards name it); a DRAFT only for the admins"
                    + " of the owning program.")
    @ApiResponse(responseCode = "200", description = "The version")
    Mono<RubricVersionView> version(@PathVariable String rubricId, @PathVariable int version, Caller caller) {
        return rubrics.version(new RubricRef(rubricId, version), caller)
                .map(RubricVersionView::of)
                .onErrorMap(RubricProblems::translate);
    }

    @PutMapping(path = "/{rubricId}/versions/{version}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replace the content of a draft",
            description = "Only a DRAFT changes, only at the revision the client read, and only by an admin of the"
                    + " owning program.")
    @ApiResponse(responseCode = "200", description = "Replaced; the revision went up by one")
    @ApiResponse(
            responseCode = "409",
            description = "The version is published (it never changes), or another request changed it since the"
                    + " revision given (the problem names the current revision)",
            content = @Content(mediaType = "application/problem+json"))
    Mono<RubricVersionView> replaceDraft(
            @PathVariable String rubricId,
            @PathVariable int version,
            @RequestBody ReplaceDraftRequest request,
            Caller caller) {
        return rubrics.replaceDraft(new RubricRef(rubricId, version), request.revision(), request.content(), caller)
                .map(RubricVersionView::of)
                .onErrorMap(RubricProblems::translate);
    }

    @PostMapping("/{rubricId}/drafts")
    @Operation(
            summary = "Start the next version as a draft",
            description = "Copies the latest version, which must be published, into the next version as a DRAFT; by"
                    + " an admin of the owning program. The built-in rubric never changes: base a rubric of your"
                    + " program on it instead (POST /api/scoring/rubrics with basedOn).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new version")
    @ApiResponse(
            responseCode = "409",
            description = "A draft exists already (the problem names its version)",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<RubricVersionView>> newDraft(@PathVariable String rubricId, Caller caller) {
        return rubrics.newDraft(rubricId, caller)
                .map(RubricVersionView::of)
                .map(RubricController::created)
                .onErrorMap(RubricProblems::translate);
    }

    @PostMapping("/{rubricId}/versions/{version}/publish")
    @Operation(
            summary = "Publish a draft",
            description = "Validated once more; from then on the version never changes and may be assigned to the"
                    + " program. By an admin of the owning program.")
    @ApiResponse(responseCode = "200", description = "Published")
    @ApiResponse(
            responseCode = "409",
            description = "Published already, or changed by another request at the same time",
            content = @Content(mediaType = "application/problem+json"))
    Mono<RubricVersionView> publish(@PathVariable String rubricId, @PathVariable int version, Caller caller) {
        return rubrics.publish(new RubricRef(rubricId, version), caller)
                .map(RubricVersionView::of)
                .onErrorMap(RubricProblems::translate);
    }

    @GetMapping("/{rubricId}/versions/{version}/export")
    @Operation(
            summary = "Export a version",
            description = "The content in the import format, as a file to download: importing it gives the same"
                    + " content. For whoever may read the version.")
    @ApiResponse(responseCode = "200", description = "The rubric's content, Content-Disposition: attachment")
    Mono<ResponseEntity<RubricJson>> export(@PathVariable String rubricId, @PathVariable int version, Caller caller) {
        return rubrics.version(new RubricRef(rubricId, version), caller)
                .map(stored -> ResponseEntity.ok()
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(rubricId + "-v" + version + ".json")
                                        .build()
                                        .toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(RubricJson.of(stored.rubric().content())))
                .onErrorMap(RubricProblems::translate);
    }

    private static ResponseEntity<RubricVersionView> created(RubricVersionView view) {
        return ResponseEntity.created(
                        URI.create("/api/scoring/rubrics/" + view.rubricId() + "/versions/" + view.version()))
                .body(view);
    }
}
