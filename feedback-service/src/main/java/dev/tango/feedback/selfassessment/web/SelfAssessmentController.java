package dev.tango.feedback.selfassessment.web;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.feedback.selfassessment.SelfAssessmentService;
import dev.tango.feedback.selfassessment.SelfAssessmentView;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/feedback/sessions/{sessionId}/self-assessment")
class SelfAssessmentController {

    private final SelfAssessmentService service;

    SelfAssessmentController(SelfAssessmentService service) {
        this.service = service;
    }

    /**
     * The whole self-assessment.
     *
     * @param markers per phase, the marker ids the student believes they showed
     * @param reflection at most 5,000 characters
     */
    record SelfAssessmentRequest(Map<Phase, List<String>> markers, String reflection) {}

    @Operation(
            summary = "The student's self-assessment beside every published mentor scorecard",
            description = "For the student, the session's mentors and the program's admins.")
    @GetMapping
    Mono<SelfAssessmentView> find(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return service.find(sessionId, caller);
    }

    @Operation(summary = "The session's student writes (or rewrites) their self-assessment")
    @PutMapping
    Mono<SelfAssessmentView> write(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @RequestBody SelfAssessmentRequest request,
            Caller caller) {
        return service.write(sessionId, caller, request.markers(), request.reflection());
    }
}
