package dev.tango.scoring.scorecard.web;

import dev.tango.events.Phase;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.score.PhaseResult;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.scorecard.MyScorecard;
import dev.tango.scoring.scorecard.Observation;
import dev.tango.scoring.scorecard.PhaseScore;
import dev.tango.scoring.scorecard.PublishedScorecard;
import dev.tango.scoring.scorecard.Scorecard;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of observations and scorecards. */
final class ScorecardViews {

    private ScorecardViews() {}

    @Schema(description = "An observation; a retracted one stays on record and no longer counts")
    record ObservationView(
            String id,
            @Schema(implementation = String.class) String mentorId,
            ObservationKind kind,
            String itemId,
            Phase phase,
            long timeCodeMs,
            String note,
            Instant recordedAt,
            boolean retracted,
            Instant retractedAt,
            String retractReason) {

        static ObservationView of(Observation o) {
            return new ObservationView(
                    o.id(),
                    o.mentorId().value(),
                    o.kind(),
                    o.itemId(),
                    o.phase(),
                    o.timeCodeMs(),
                    o.note(),
                    o.recordedAt(),
                    !o.counts(),
                    o.retraction() == null ? null : o.retraction().at(),
                    o.retraction() == null ? null : o.retraction().reason());
        }
    }

    @Schema(description = "The score of one phase, and how it came about")
    record PhaseScoreView(
            Phase phase,
            boolean entered,
            int requiredMarkers,
            List<String> observedMarkers,
            List<String> missedMarkers,
            Map<String, Integer> antiSignals,
            BigDecimal markerPoints,
            int penalty,
            BigDecimal score,
            String explanation) {

        static PhaseScoreView of(PhaseScore p) {
            return new PhaseScoreView(
                    p.phase(),
                    p.entered(),
                    p.requiredMarkers(),
                    p.observedMarkers(),
                    p.missedMarkers(),
                    p.antiSignals(),
                    p.markerPoints(),
                    p.penalty(),
                    p.score(),
                    p.explanation());
        }

        static PhaseScoreView of(PhaseResult p, String explanation) {
            return new PhaseScoreView(
                    p.phase(),
                    p.entered(),
                    p.requiredMarkers(),
                    p.observedMarkers(),
                    p.missedMarkers(),
                    p.antiSignals(),
                    BigDecimal.valueOf(p.markerPoints()),
                    p.penalty(),
                    BigDecimal.valueOf(p.score()),
                    explanation);
        }
    }

    @Schema(description = "A scorecard: per phase and overall, each number explained")
    record ScorecardView(
            @Schema(implementation = String.class) String mentorId,
            RubricRef rubric,

            @Schema(description = "mean of the phase scores, rounded half up")
            int overall,

            String explanation,
            List<PhaseScoreView> phases,
            List<Phase> skippedPhases,
            Map<Phase, Long> timeInPhaseMs) {

        static ScorecardView of(Scorecard card) {
            return new ScorecardView(
                    card.mentorId().value(),
                    card.rubric(),
                    card.overall(),
                    card.explanation(),
                    card.phases().stream().map(PhaseScoreView::of).toList(),
                    card.skippedPhases(),
                    card.timeInPhaseMs());
        }
    }

    @Schema(description = "A published scorecard, as the student sees it")
    record PublishedView(
            @Schema(implementation = String.class) String mentorId,

            @Schema(description = "1 for the first publication, then 2, 3, ...")
            int revision,

            @Schema(description = "true when the mentor revised an assessment published before")
            boolean revised,

            Instant publishedAt,
            RubricRef rubric,
            int overall,
            String explanation,
            List<PhaseScoreView> phases,
            List<Phase> skippedPhases,
            Map<Phase, Long> timeInPhaseMs) {

        static PublishedView of(PublishedScorecard card) {
            return new PublishedView(
                    card.mentorId().value(),
                    card.revision(),
                    card.revised(),
                    card.publishedAt(),
                    card.rubric(),
                    card.overall(),
                    card.explanation(),
                    card.phases().stream()
                            .map(p -> PhaseScoreView.of(p, card.explanations().get(p.phase())))
                            .toList(),
                    card.skippedPhases(),
                    card.timeInPhaseMs());
        }
    }

    @Schema(description = "A mentor's own scoring of a session: the draft, their observations, their last publication")
    record MyScorecardView(
            ScorecardView draft,
            List<ObservationView> observations,
            @Schema(description = "null until published") PublishedView lastPublished,

            @Schema(description = "whether publishing now would say something new")
            boolean unpublishedChanges) {

        static MyScorecardView of(MyScorecard mine) {
            return new MyScorecardView(
                    ScorecardView.of(mine.draft()),
                    mine.observations().stream().map(ObservationView::of).toList(),
                    mine.lastPublished() == null ? null : PublishedView.of(mine.lastPublished()),
                    mine.unpublishedChanges());
        }
    }
}
