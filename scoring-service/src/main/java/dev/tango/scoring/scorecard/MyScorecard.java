package dev.tango.scoring.scorecard;

import java.util.List;

/**
 * A mentor's own view of their scoring of a session: the scorecard as it stands (the draft), their observations
 * (retracted ones too), and their last publication.
 *
 * @param lastPublished {@code null} until they publish
 * @param unpublishedChanges whether publishing now would say something new (always, before the first publication)
 */
public record MyScorecard(
        Scorecard draft, List<Observation> observations, PublishedScorecard lastPublished, boolean unpublishedChanges) {

    public MyScorecard {
        observations = List.copyOf(observations);
    }
}
