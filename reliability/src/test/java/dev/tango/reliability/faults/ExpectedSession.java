package dev.tango.reliability.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one session must look like everywhere, computed only from the commands the platform ACCEPTED (answered 2xx).
 * Written by the one load thread that drives the session, read by the verifier after the load is over.
 */
final class ExpectedSession {

    final String id;
    final String studentId;
    final String mentorId;

    String status = "SCHEDULED";
    final List<String> phases = new ArrayList<>();
    int transcriptBatches;
    int transcriptSegments;
    /** Observation id to whether it was retracted. */
    final Map<String, Boolean> observations = new LinkedHashMap<>();

    int publishedRevision;
    /** Comments published alone ({@code publish: true}). */
    final Set<String> commentsPublishedAlone = new LinkedHashSet<>();
    /** Drafts, published with the mentor's next scorecard publication. */
    final Set<String> drafts = new LinkedHashSet<>();

    final Set<String> draftsPublishedWithScorecard = new LinkedHashSet<>();

    /**
     * Writes that got no definite answer (the connection failed or timed out on every try): they may or may not have
     * happened, so this session is checked only for what was accepted and for duplicates, not for exact counts.
     */
    int unknownOutcomes;

    ExpectedSession(String id, String studentId, String mentorId) {
        this.id = id;
        this.studentId = studentId;
        this.mentorId = mentorId;
    }

    /** Events on tango.session-events.v1: scheduled, started, each phase entered, each transcript batch, ended. */
    int sessionEvents() {
        return 1 + (phases.isEmpty() ? 0 : 1) + phases.size() + transcriptBatches + ("ENDED".equals(status) ? 1 : 0);
    }

    /** Events on tango.score-events.v1: each observation, each retraction, each scorecard publication. */
    int scoreEvents() {
        int retracted = (int) observations.values().stream().filter(r -> r).count();
        return observations.size() + retracted + publishedRevision;
    }

    /** Comments anyone other than their author sees. */
    Set<String> publishedComments() {
        Set<String> published = new LinkedHashSet<>(commentsPublishedAlone);
        published.addAll(draftsPublishedWithScorecard);
        return published;
    }

    List<String> countingObservations() {
        return observations.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    boolean exact() {
        return unknownOutcomes == 0;
    }
}
