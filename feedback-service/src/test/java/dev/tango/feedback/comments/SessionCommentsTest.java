package dev.tango.feedback.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.FeedbackRuleException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCommentsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");
    private final UserId ana = UserId.of("mentor-ana");
    private final UserId bo = UserId.of("mentor-bo");
    private final CommentContent note = new CommentContent("Note", CommentKind.NOTE, null, null, null);

    @Test
    void refusesTheFiveHundredAndFirstCommentDeletedOnesIncluded() {
        SessionComments comments = SessionComments.none(SessionId.newId());
        for (int i = 0; i < SessionComments.MAX_COMMENTS; i++) {
            comments = comments.write(CommentId.of("c" + i), ana, note, false, NOW);
        }
        SessionComments full = comments.delete(CommentId.of("c0"), ana, NOW);

        assertThatThrownBy(() -> full.write(CommentId.of("c500"), ana, note, false, NOW))
                .isInstanceOf(FeedbackRuleException.class)
                .extracting(e -> ((FeedbackRuleException) e).kind())
                .isEqualTo(FeedbackRuleException.Kind.CONFLICT);
    }

    @Test
    void aScorecardPublishesItsMentorsDraftsOnceAndOnlyTheirs() {
        SessionComments comments = SessionComments.none(SessionId.newId())
                .write(CommentId.of("a1"), ana, note, false, NOW)
                .write(CommentId.of("b1"), bo, note, false, NOW);

        SessionComments.Publication first = comments.publishWithScorecard(ana, 1, NOW.plusSeconds(60));
        SessionComments afterwards = first.state().write(CommentId.of("a2"), ana, note, false, NOW.plusSeconds(120));
        SessionComments.Publication again = afterwards.publishWithScorecard(ana, 1, NOW.plusSeconds(60));

        assertThat(first.published()).isEqualTo(1);
        assertThat(first.firstScorecard()).isTrue();
        assertThat(first.state().find(CommentId.of("a1")).orElseThrow().publishedAt())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(first.state().find(CommentId.of("b1")).orElseThrow().isPublished())
                .isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.state().find(CommentId.of("a2")).orElseThrow().isPublished())
                .isFalse();
        assertThat(afterwards.publishWithScorecard(ana, 2, NOW).published()).isEqualTo(1);
    }

    @Test
    void onlyTheAuthorChangesAndTheHistoryKeepsEveryVersion() {
        SessionComments comments = SessionComments.none(SessionId.newId())
                .write(CommentId.of("a1"), ana, note, true, NOW)
                .edit(
                        CommentId.of("a1"),
                        ana,
                        new CommentContent("Better", CommentKind.STRENGTH, 5L, null, null),
                        NOW.plusSeconds(5));

        Comment edited = comments.find(CommentId.of("a1")).orElseThrow();
        assertThat(edited.content().body()).isEqualTo("Better");
        assertThat(edited.history()).extracting(r -> r.content().body()).containsExactly("Note");
        SessionComments finalComments = comments;
        assertThatThrownBy(() -> finalComments.delete(CommentId.of("a1"), bo, NOW))
                .extracting(e -> ((FeedbackRuleException) e).kind())
                .isEqualTo(FeedbackRuleException.Kind.FORBIDDEN);
    }
}
