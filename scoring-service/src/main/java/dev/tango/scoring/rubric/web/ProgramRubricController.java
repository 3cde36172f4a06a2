package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.RubricService;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/scoring/programs/{programId}/rubric", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Program rubrics", description = "The rubric version each program scores its sessions with")
@ApiResponse(
        responseCode = "400",
        description = "Malformed JSON, an invalid program id, or a missing rubric id or version",
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
        responseCode = "404",
        description = "A program the caller does not belong to, or a rubric version the caller may not see",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class ProgramRubricController {

    private final RubricService rubrics;

    ProgramRubricController(RubricService rubrics) {
        this.rubrics = rubrics;
    }

    @GetMapping
    @Operation(
            summary = "The rubric a program uses, and its history",
            description = "For anyone who belongs to the program. A program that never chose one uses the built-in"
                    + " partnership rubric (usesDefault).")
    @ApiResponse(responseCode = "200", description = "The rubric in use and every assignment, oldest first")
    Mono<ProgramRubricView> inUse(
            @Parameter(schema = @Schema(type = "string")) @PathVariable ProgramId programId, Caller caller) {
        return rubrics.inUse(programId, caller).map(ProgramRubricView::of).onErrorMap(RubricProblems::translate);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Choose the rubric a program uses",
            description = "By an admin of the program: a published version of the built-in rubric or of one of the"
                    + " program's own rubrics. Appended to the history, in effect from now on; sessions scored"
                    + " before keep the version they were scored with. Choosing the version in use changes nothing.")
    @ApiResponse(responseCode = "200", description = "The rubric in use now and the history")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not an admin of the program",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The version is a draft, or belongs to another program",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ProgramRubricView> assign(
            @Parameter(schema = @Schema(type = "string")) @PathVariable ProgramId programId,
            @RequestBody AssignRubricRequest request,
            Caller caller) {
        return rubrics.assign(programId, request.rubricId(), request.version(), caller)
                .map(ProgramRubricView::of)
                .onErrorMap(RubricProblems::translate);
    }
}
