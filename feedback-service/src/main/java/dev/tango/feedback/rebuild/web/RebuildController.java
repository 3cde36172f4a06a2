package dev.tango.feedback.rebuild.web;

import dev.tango.feedback.rebuild.ProjectionRebuild;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import dev.tango.support.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/feedback/admin")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            summary = "Rebuilds every read model from the beginning of the topics (admins)",
            description = "Empties the projections and sends their consumers back to the first offset; answers 202 "
                    + "once the stores are empty and the replay is requested. Comments and self-assessments stay.")
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProjectionRebuild.Report> rebuild(Caller caller) {
        if (!caller.hasRole(Role.ADMIN)) {
            return Mono.error(new ForbiddenException("Only admins rebuild the read models"));
        }
        return rebuild.rebuild();
    }
}
