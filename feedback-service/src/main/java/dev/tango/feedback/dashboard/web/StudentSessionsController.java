package dev.tango.feedback.dashboard.web;

import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.Dashboards;
import dev.tango.support.security.Caller;
import dev.tango.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/feedback/students")
class StudentSessionsController {

    private final Dashboards dashboards;

    StudentSessionsController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Operation(
            summary = "A student's sessions, newest scheduled first",
            description = "Built from session events. The student sees all their sessions; a mentor only the sessions "
                    + "assigned to them; an admin only those of their programs. A student with no session the caller "
                    + "may see answers 404, exactly as one without any session.")
    @GetMapping("/{studentId}/sessions")
    Mono<StudentSessionsResponse> sessions(@PathVariable @Schema(type = "string") UserId studentId, Caller caller) {
        return dashboards
                .find(studentId)
                .map(dashboard -> dashboard.visibleTo(caller))
                .map(StudentSessionsResponse::of)
                .filter(response -> !response.sessions().isEmpty())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Student", studentId)));
    }
}
