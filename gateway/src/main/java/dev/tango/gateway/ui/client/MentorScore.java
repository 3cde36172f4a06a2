package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One mentor's latest published scorecard revision of a session, in short. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentorScore(String mentorId, int revision, int overallScore, Instant publishedAt) {

    public boolean revised() {
        return revision > 1;
    }
}
