package dev.tango.scoring.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The built-in partnership rubric holds the partnership model of DESIGN.md, every marker and anti-signal of it. */
class RubricPartnershipDefaultTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESOURCE = "rubrics/partnership-v1.json";

    private final BuiltInRubrics builtIns = new BuiltInRubrics(JSON);
    private final Rubric partnership =
            builtIns.find(new RubricRef("partnership", 1)).orElseThrow();

    @Test
    void theResourcePassesValidation() {
        assertThat(RubricValidator.problems(BuiltInRubrics.read(JSON, RESOURCE)))
                .isEmpty();
    }

    @Test
    void isPublishedVersionOneOfNoProgram() {
        assertThat(partnership.ref()).isEqualTo(new RubricRef(BuiltInRubrics.PARTNERSHIP, 1));
        assertThat(partnership.status()).isEqualTo(RubricStatus.PUBLISHED);
        assertThat(partnership.isBuiltIn()).isTrue();
        assertThat(partnership.program()).isNull();
        assertThat(partnership.createdBy()).isNull();
        assertThat(partnership.publishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(builtIns.all()).containsExactly(partnership);
    }

    @Test
    void hasTheFivePhasesInOrderWithEveryMarkerOfTheDesign() {
        RubricContent content = partnership.content();

        assertThat(content.phases()).extracting(RubricPhase::phase).containsExactly(Phase.values());
        assertThat(content.phases()).extracting(phase -> phase.markers().size()).containsExactly(3, 2, 3, 6, 5);
        assertThat(markerIds(content, Phase.OPENING))
                .containsExactly("opening.work-together", "opening.what-matters", "opening.move-forward");
        assertThat(markerIds(content, Phase.EXPLORING))
                .containsExactly("exploring.check-progress", "exploring.build-on-learning");
        assertThat(markerIds(content, Phase.MEANING_MAKING))
                .containsExactly(
                        "meaning-making.whole-picture", "meaning-making.connections", "meaning-making.not-yet-thought");
        assertThat(markerIds(content, Phase.ACTION_PLANNING))
                .containsExactly(
                        "action-planning.still-in-mind",
                        "action-planning.move-forward",
                        "action-planning.plan",
                        "action-planning.support",
                        "action-planning.obstacles",
                        "action-planning.motivation");
        assertThat(markerIds(content, Phase.CLOSING))
                .containsExactly(
                        "closing.learning",
                        "closing.not-reached",
                        "closing.feel-complete",
                        "closing.permission",
                        "closing.anything-else");
    }

    @Test
    void everyMarkerAsksWithTheWordsOfTheDesign() {
        RubricContent content = partnership.content();

        // One question per DESIGN.md bullet, in its wording.
        assertThat(content.phases().stream()
                        .flatMap(phase -> phase.markers().stream())
                        .map(marker -> marker.exampleQuestions().get(0)))
                .containsExactly(
                        "How shall we do this work together today?",
                        "What is important for you to explore about this today?",
                        "What do we need to discuss for you to move forward?",
                        "How are we doing on what you wanted from today?",
                        "Given what you have just learned, what would be most useful to explore next?",
                        "As you look at all the pieces together, what do you notice?",
                        "How do these things relate to each other, for you?",
                        "What haven't you thought about yet?",
                        "What is still in your thoughts?",
                        "How will you move this forward?",
                        "What is your plan?",
                        "What support do you need?",
                        "What is getting in the way?",
                        "How will you keep yourself motivated?",
                        "What have you learned?",
                        "Where did we not get to?",
                        "What is missing for you to feel complete?",
                        "Is it ok to move towards closing?",
                        "What else before we finish?");
        assertThat(content.phases().stream().flatMap(phase -> phase.markers().stream()))
                .allSatisfy(marker -> {
                    assertThat(marker.label()).isNotBlank();
                    assertThat(marker.description().length())
                            .isGreaterThan(marker.label().length());
                });
    }

    @Test
    void hasTheSixAntiSignalsOfTheDesign() {
        assertThat(partnership.content().antiSignals())
                .extracting(AntiSignal::id)
                .containsExactly(
                        "anti.makes-meaning",
                        "anti.problem-focus",
                        "anti.holds-back-or-insists",
                        "anti.no-acknowledgement",
                        "anti.completes-sentences",
                        "anti.leads");
    }

    @Test
    void hasTheDefaultScoringParameters() {
        ScoringParameters scoring = partnership.content().scoring();

        assertThat(scoring.requiredMarkers())
                .isEqualTo(Map.of(
                        Phase.OPENING,
                        2,
                        Phase.EXPLORING,
                        1,
                        Phase.MEANING_MAKING,
                        1,
                        Phase.ACTION_PLANNING,
                        3,
                        Phase.CLOSING,
                        2));
        assertThat(scoring.penaltyPerAntiSignal()).isEqualTo(15);
    }

    @Test
    void theResourceIsExactlyTheExportOfItsContent() {
        JsonNode resource = JSON.readTree(getClass().getClassLoader().getResourceAsStream(RESOURCE));

        JsonNode export = JSON.valueToTree(RubricJson.of(partnership.content()));

        assertThat((Object) export).isEqualTo(resource);
    }

    @Test
    void theDefaultIsPartnershipVersionOneAtAnyInstant() {
        assertThat(builtIns.defaultAt(Instant.parse("2020-01-01T00:00:00Z"))).isEqualTo(partnership);
        assertThat(builtIns.defaultAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(partnership);
        assertThat(builtIns.isBuiltIn("partnership")).isTrue();
        assertThat(builtIns.isBuiltIn("pcc")).isFalse();
    }

    private static List<String> markerIds(RubricContent content, Phase phase) {
        return content.phase(phase).orElseThrow().markers().stream()
                .map(Marker::id)
                .toList();
    }
}
