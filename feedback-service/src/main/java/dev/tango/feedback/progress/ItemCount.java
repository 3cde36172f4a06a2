package dev.tango.feedback.progress;

import dev.tango.feedback.comments.CommentView;
import java.util.List;

/**
 * A rubric item (marker or anti-signal) and how often it counted.
 *
 * @param comments published comments that refer to the item; empty where not shown
 */
public record ItemCount(String itemId, int count, List<CommentView> comments) {}
