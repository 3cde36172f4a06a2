package dev.tango.feedback.selfassessment;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.PhaseScore;
import dev.tango.feedback.insight.Scorecard;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-assessment beside one mentor's published scorecard, marker by marker.
 *
 * @param revision the scorecard revision compared with
 * @param agreed markers in both, over markers in either (0..1, two decimals); {@code null} when neither names any
 */
public record Agreement(UserId mentorId, int revision, List<PhaseAgreement> phases, java.math.BigDecimal agreed) {

    /**
     * One phase.
     *
     * @param both markers the student and the mentor name
     * @param onlyStudent markers the student believes they showed and the mentor did not observe
     * @param onlyMentor markers the mentor observed and the student did not name
     */
    public record PhaseAgreement(Phase phase, List<String> both, List<String> onlyStudent, List<String> onlyMentor) {}

    public static Agreement of(SelfAssessment self, Scorecard card) {
        List<PhaseAgreement> phases = new ArrayList<>();
        int both = 0;
        int either = 0;
        for (Phase phase : Phase.values()) {
            List<String> student = self.markersOf(phase);
            List<String> mentor =
                    card.phase(phase).map(PhaseScore::observedMarkers).orElse(List.of());
            List<String> inBoth =
                    student.stream().filter(mentor::contains).sorted().toList();
            List<String> onlyStudent =
                    student.stream().filter(id -> !mentor.contains(id)).sorted().toList();
            List<String> onlyMentor =
                    mentor.stream().filter(id -> !student.contains(id)).sorted().toList();
            both += inBoth.size();
            either += inBoth.size() + onlyStudent.size() + onlyMentor.size();
            phases.add(new PhaseAgreement(phase, inBoth, onlyStudent, onlyMentor));
        }
        java.math.BigDecimal agreed = either == 0
                ? null
                : java.math.BigDecimal.valueOf(both)
                        .divide(java.math.BigDecimal.valueOf(either), 2, java.math.RoundingMode.HALF_UP);
        return new Agreement(card.mentorId(), card.revision(), phases, agreed);
    }
}
