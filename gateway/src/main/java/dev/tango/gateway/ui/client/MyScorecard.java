package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A mentor's own scoring of a session: the draft as it stands, their observations (retracted ones included), their
 * last publication (null before the first), and whether publishing now would say something new.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MyScorecard(
        Scorecard draft, List<Observation> observations, Scorecard lastPublished, boolean unpublishedChanges) {

    public MyScorecard {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
