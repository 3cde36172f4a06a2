package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The student's self-assessment, with one agreement per published mentor scorecard. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SelfAssessmentView(
        String sessionId,
        String studentId,
        Map<String, List<String>> markers,
        String reflection,
        Instant updatedAt,
        List<Agreement> agreements) {

    public SelfAssessmentView {
        markers = markers == null ? Map.of() : Map.copyOf(markers);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    public boolean chose(String phase, String markerId) {
        return markers.getOrDefault(phase, List.of()).contains(markerId);
    }

    /** The agreement with one mentor's scorecard, or null. */
    public Agreement agreementWith(String mentorId) {
        return agreements.stream()
                .filter(a -> a.mentorId().equals(mentorId))
                .findFirst()
                .orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agreement(String mentorId, int revision, List<PhaseAgreement> phases, BigDecimal agreed) {
        public Agreement {
            phases = phases == null ? List.of() : List.copyOf(phases);
        }

        /** {@code 67 %}, or "nothing named yet". */
        public String percent() {
            return agreed == null
                    ? "nothing named yet"
                    : agreed.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseAgreement(String phase, List<String> both, List<String> onlyStudent, List<String> onlyMentor) {
        public PhaseAgreement {
            both = both == null ? List.of() : List.copyOf(both);
            onlyStudent = onlyStudent == null ? List.of() : List.copyOf(onlyStudent);
            onlyMentor = onlyMentor == null ? List.of() : List.copyOf(onlyMentor);
        }

        public String label() {
            return Formats.label(phase);
        }

        public boolean isEmpty() {
            return both.isEmpty() && onlyStudent.isEmpty() && onlyMentor.isEmpty();
        }
    }
}
