package dev.tango.scoring.timeline.web;

import dev.tango.events.SessionId;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.SessionTimelines;
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
@RequestMapping("/api/scoring/sessions")
class TimelineController {

    private final SessionTimelines timelines;

    TimelineController(SessionTimelines timelines) {
        this.timelines = timelines;
    }

    @Operation(
            summary = "The phases a session went through and the time spent in each",
            description = "Built from session events; answers 404 until the session's first event has been applied. "
                    + "Only the session's student, its assigned mentors and the admins of its program see it; anyone "
                    + "else gets the same 404 as for a session that does not exist.")
    @GetMapping("/{sessionId}/timeline")
    Mono<TimelineResponse> timeline(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return timelines
                .find(sessionId)
                .filter(SessionTimeline::isKnown)
                .filter(timeline -> timeline.isVisibleTo(caller))
                .map(TimelineResponse::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Session", sessionId)));
    }
}
