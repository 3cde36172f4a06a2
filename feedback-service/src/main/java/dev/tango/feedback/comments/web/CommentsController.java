package dev.tango.feedback.comments.web;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.feedback.comments.CommentContent;
import dev.tango.feedback.comments.CommentId;
import dev.tango.feedback.comments.CommentKind;
import dev.tango.feedback.comments.CommentView;
import dev.tango.feedback.comments.CommentsService;
import dev.tango.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/feedback/sessions/{sessionId}/comments")
class CommentsController {

    private final CommentsService comments;

    CommentsController(CommentsService comments) {
        this.comments = comments;
    }

    /**
     * A new comment.
     *
     * @param body plain text or the Markdown subset; at most 5,000 characters
     * @param publish {@code true} to publish at once; otherwise a draft, published alone or with the scorecard
     */
    record NewComment(String body, CommentKind kind, Long timeCodeMs, Phase phase, String itemId, Boolean publish) {}

    /** The new content of a comment; the previous one goes to its history. */
    record CommentEdit(String body, CommentKind kind, Long timeCodeMs, Phase phase, String itemId) {}

    /** A student's reply, at most 5,000 characters. */
    record NewReply(String body) {}

    @Operation(
            summary = "The session's comments the caller may see, oldest first",
            description = "Students and admins see published comments; a mentor also sees their own drafts and "
                    + "deleted comments, with their history.")
    @GetMapping
    Mono<List<CommentView>> list(@PathVariable @Schema(type = "string") SessionId sessionId, Caller caller) {
        return comments.list(sessionId, caller);
    }

    @Operation(summary = "An assigned mentor writes a comment (a draft unless publish is true)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CommentView> write(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @RequestBody NewComment request,
            Caller caller) {
        return Mono.fromCallable(() -> CommentContent.validated(
                        request.body(), request.kind(), request.timeCodeMs(), request.phase(), request.itemId()))
                .flatMap(content -> comments.write(sessionId, caller, content, Boolean.TRUE.equals(request.publish())));
    }

    @Operation(summary = "Its author edits a comment; the previous version is kept in its history")
    @PutMapping("/{commentId}")
    Mono<CommentView> edit(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @PathVariable @Schema(type = "string") CommentId commentId,
            @RequestBody CommentEdit request,
            Caller caller) {
        return Mono.fromCallable(() -> CommentContent.validated(
                        request.body(), request.kind(), request.timeCodeMs(), request.phase(), request.itemId()))
                .flatMap(content -> comments.edit(sessionId, commentId, caller, content));
    }

    @Operation(summary = "Its author deletes a comment: it disappears for others and shows as deleted to its author")
    @DeleteMapping("/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @PathVariable @Schema(type = "string") CommentId commentId,
            Caller caller) {
        return comments.delete(sessionId, commentId, caller);
    }

    @Operation(summary = "Its author publishes a draft on its own; publishing a published comment changes nothing")
    @PostMapping("/{commentId}/publish")
    Mono<CommentView> publish(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @PathVariable @Schema(type = "string") CommentId commentId,
            Caller caller) {
        return comments.publish(sessionId, commentId, caller);
    }

    @Operation(summary = "The session's student replies to a published comment; mentors see the replies")
    @PostMapping("/{commentId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CommentView> reply(
            @PathVariable @Schema(type = "string") SessionId sessionId,
            @PathVariable @Schema(type = "string") CommentId commentId,
            @RequestBody NewReply request,
            Caller caller) {
        return comments.reply(sessionId, commentId, caller, request.body());
    }
}
