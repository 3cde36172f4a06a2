package dev.tango.feedback.comments;

import dev.tango.events.Ids;
import dev.tango.events.Phase;
import dev.tango.feedback.insight.FeedbackRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a mentor writes: the body (plain text or the Markdown subset of {@link SafeMarkdown}) and what it refers to.
 *
 * @param timeCodeMs where in the session or its recording; {@code null} for the session as a whole
 * @param phase may be {@code null}
 * @param itemId a rubric marker or anti-signal id; may be {@code null}
 */
public record CommentContent(String body, CommentKind kind, Long timeCodeMs, Phase phase, String itemId) {

    /** At most this many characters in a body or a reply. */
    public static final int MAX_BODY = 5_000;

    /** Time codes beyond a day are not a session's. */
    public static final long MAX_TIME_CODE_MS = 86_400_000L;

    public CommentContent {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
    }

    /** The content, or a 400 listing every broken rule. */
    public static CommentContent validated(String body, CommentKind kind, Long timeCodeMs, Phase phase, String itemId) {
        List<FeedbackRuleException.Violation> violations = new ArrayList<>();
        checkBody("body", body, violations);
        if (kind == null) {
            violations.add(new FeedbackRuleException.Violation("kind", "is required"));
        }
        if (timeCodeMs != null && (timeCodeMs < 0 || timeCodeMs > MAX_TIME_CODE_MS)) {
            violations.add(
                    new FeedbackRuleException.Violation("timeCodeMs", "must be between 0 and " + MAX_TIME_CODE_MS));
        }
        if (itemId != null && !Ids.isValid(itemId)) {
            violations.add(new FeedbackRuleException.Violation(
                    "itemId", "must be 1-" + Ids.MAX_LENGTH + " characters of letters, digits, '.', '_', ':' or '-'"));
        }
        if (!violations.isEmpty()) {
            throw FeedbackRuleException.invalid(violations);
        }
        return new CommentContent(body, kind, timeCodeMs, phase, itemId);
    }

    static void checkBody(String field, String body, List<FeedbackRuleException.Violation> violations) {
        if (body == null || body.isBlank()) {
            violations.add(new FeedbackRuleException.Violation(field, "must not be blank"));
        } else if (body.length() > MAX_BODY) {
            violations.add(new FeedbackRuleException.Violation(
                    field, "must be at most " + MAX_BODY + " characters, was " + body.length()));
        }
    }
}
