package dev.tango.feedback.progress;

import dev.tango.feedback.insight.FeedbackRuleException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Days from {@code from} to {@code to}, both included, UTC. Unless given: the 12 weeks up to today. At most 366 days.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 84;

    public static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        List<FeedbackRuleException.Violation> violations = new ArrayList<>();
        if (first.isAfter(last)) {
            violations.add(new FeedbackRuleException.Violation("from", "must not be after to"));
        } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            violations.add(
                    new FeedbackRuleException.Violation("to", "the period must span at most " + MAX_DAYS + " days"));
        }
        if (!violations.isEmpty()) {
            throw FeedbackRuleException.invalid(violations);
        }
        return new Period(first, last);
    }
}
