package dev.tango.feedback.progress.web;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.progress.ProgramMetrics;
import dev.tango.feedback.progress.ProgressService;
import dev.tango.feedback.progress.SessionPage;
import dev.tango.feedback.progress.StudentDashboard;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/feedback")
class ProgressController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @Operation(
            summary = "A student's dashboard: sessions, score trend, phase profile, growth areas and strengths",
            description = "Over the sessions the caller may see: the student all theirs, a mentor those assigned to "
                    + "them, an admin those of their programs. With none, 404.")
    @GetMapping("/students/{studentId}/dashboard")
    Mono<StudentDashboard> dashboard(@PathVariable @Schema(type = "string") UserId studentId, Caller caller) {
        return progress.dashboard(studentId, caller);
    }

    @Operation(
            summary = "A session's page: phases on a time line with comments and observations pinned, transcript",
            description = "For the student, the session's mentors and the program's admins.")
    @GetMapping("/sessions/{sessionId}")
    Mono<SessionPage> session(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return progress.session(sessionId, caller);
    }

    @Operation(
            summary = "A program's metrics over a period (admins of the program)",
            description = "from and to are days (UTC), both included; by default the 12 weeks up to today; at most "
                    + "366 days.")
    @GetMapping("/programs/{programId}/metrics")
    Mono<ProgramMetrics> metrics(
            @PathVariable @Schema(type = "string") ProgramId programId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        return progress.metrics(programId, from, to, caller);
    }

    @Operation(
            summary = "A program's scorecards, observations and published comments as CSV (admins of the program)",
            description = "One row per scorecard, observation and comment of the sessions scheduled in the period; "
                    + "columns in the README.")
    @GetMapping(value = "/programs/{programId}/export.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> export(
            @PathVariable @Schema(type = "string") ProgramId programId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        return progress.export(programId, from, to, caller)
                .map(csv -> ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"" + programId.value() + ".csv\"")
                        .body(csv));
    }
}
