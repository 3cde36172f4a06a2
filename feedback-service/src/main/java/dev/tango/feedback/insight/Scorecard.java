package dev.tango.feedback.insight;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A mentor's latest published revision of their scorecard of a session.
 *
 * @param firstPublishedAt when revision 1 was published (feedback turnaround is measured to it)
 * @param publishedAt when this revision was published
 */
public record Scorecard(
        UserId mentorId,
        int revision,
        String rubricId,
        int rubricVersion,
        int overallScore,
        List<PhaseScore> phases,
        List<Phase> skippedPhases,
        Instant firstPublishedAt,
        Instant publishedAt) {

    public Scorecard {
        phases = List.copyOf(phases);
        skippedPhases = List.copyOf(skippedPhases);
    }

    public Optional<PhaseScore> phase(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }
}
