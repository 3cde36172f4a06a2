package dev.tango.scoring.rubric;

import static dev.tango.scoring.rubric.RubricJsonBuilder.antiSignal;
import static dev.tango.scoring.rubric.RubricJsonBuilder.marker;
import static dev.tango.scoring.rubric.RubricJsonBuilder.phase;
import static dev.tango.scoring.rubric.RubricJsonBuilder.repeat;
import static dev.tango.scoring.rubric.RubricJsonBuilder.valid;
import static dev.tango.scoring.rubric.RubricJsonBuilder.withDescription;
import static dev.tango.scoring.rubric.RubricJsonBuilder.withId;
import static dev.tango.scoring.rubric.RubricJsonBuilder.withLabel;
import static dev.tango.scoring.rubric.RubricJsonBuilder.withQuestions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RubricValidatorTest {

    private static List<String> fields(RubricJson rubric) {
        return RubricValidator.problems(rubric).stream()
                .map(RubricViolation::field)
                .toList();
    }

    private static RubricViolation only(RubricJson rubric) {
        List<RubricViolation> problems = RubricValidator.problems(rubric);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aValidRubricHasNoProblemsAndBecomesItsContent() {
        RubricJson rubric = valid().build();

        assertThat(RubricValidator.problems(rubric)).isEmpty();
        RubricContent content = RubricValidator.validated(rubric);
        assertThat(content.phases()).extracting(RubricPhase::phase).containsExactly(Phase.OPENING, Phase.CLOSING);
        assertThat(content.marker("opening.two")).isPresent();
        assertThat(content.antiSignal("anti.one")).isPresent();
        assertThat(content.scoring().requiredIn(Phase.OPENING)).isEqualTo(1);
        assertThat(content.scoring().penaltyPerAntiSignal()).isEqualTo(10);
    }

    @Test
    void theExportOfValidatedContentIsWhatWasImported() {
        RubricJson rubric = valid().build();

        assertThat(RubricJson.of(RubricValidator.validated(rubric))).isEqualTo(rubric);
    }

    @Test
    void aMissingRubricDescriptionIsStoredEmptyAndExamplesAreOptional() {
        RubricJson rubric = valid().withDescription(null)
                .withMarker(0, 0, m -> withQuestions(m, null))
                .build();

        RubricContent content = RubricValidator.validated(rubric);

        assertThat(content.description()).isEmpty();
        assertThat(content.marker("opening.one").orElseThrow().exampleQuestions())
                .isEmpty();
    }

    @Test
    void rejectsAnUnknownPhaseByItsPath() {
        RubricViolation problem = only(valid().withPhase(1, p -> phase("WRAP_UP", p.markers()))
                .withRequired("CLOSING", null)
                .build());

        assertThat(problem.field()).isEqualTo("phases[1].phase");
        assertThat(problem.message()).contains("\"WRAP_UP\" is not a phase", "CLOSING");
    }

    @Test
    void rejectsAPhaseListedTwice() {
        RubricViolation problem = only(valid().withPhases(
                        phase("OPENING", marker("a.one"), marker("a.two")),
                        phase("CLOSING", marker("b.one")),
                        phase("CLOSING", marker("c.one")))
                .build());

        assertThat(problem.field()).isEqualTo("phases[2].phase");
        assertThat(problem.message()).isEqualTo("CLOSING is listed twice (also phases[1])");
    }

    @Test
    void rejectsPhasesOutOfTheOrderOfTheConversation() {
        RubricViolation problem = only(valid().withPhases(
                        phase("CLOSING", marker("closing.one")), phase("OPENING", marker("a.one"), marker("a.two")))
                .build());

        assertThat(problem.field()).isEqualTo("phases[1].phase");
        assertThat(problem.message()).startsWith("OPENING must come before CLOSING");
    }

    @Test
    void rejectsARubricWithoutPhases() {
        assertThat(RubricValidator.problems(valid().withPhases(List.of())
                        .withRequiredMarkers(Map.of())
                        .build()))
                .containsExactly(new RubricViolation("phases", "must list at least one phase"));
        assertThat(fields(valid().withPhases((List<RubricJson.PhaseJson>) null)
                        .withRequiredMarkers(Map.of())
                        .build()))
                .containsExactly("phases");
    }

    @Test
    void rejectsIdsUsedTwiceAcrossMarkersAndAntiSignals() {
        RubricJson rubric = valid().withMarker(1, 0, m -> withId(m, "opening.one"))
                .withAntiSignals(antiSignal("anti.one"), antiSignal("opening.two"), antiSignal("anti.one"))
                .build();

        assertThat(RubricValidator.problems(rubric))
                .containsExactly(
                        new RubricViolation(
                                "phases[1].markers[0].id", "\"opening.one\" is already the id of phases[0].markers[0]"),
                        new RubricViolation(
                                "antiSignals[1].id", "\"opening.two\" is already the id of phases[0].markers[1]"),
                        new RubricViolation("antiSignals[2].id", "\"anti.one\" is already the id of antiSignals[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Opening.one", "-opening", ".opening", "opening one", "opening/one", "é"})
    void rejectsBlankOrMalformedIds(String id) {
        RubricViolation problem =
                only(valid().withMarker(0, 1, m -> withId(m, id)).build());

        assertThat(problem.field()).isEqualTo("phases[0].markers[1].id");
    }

    @Test
    void idsMayHaveSixtyFourCharactersButNotMore() {
        assertThat(RubricValidator.problems(valid().withMarker(0, 0, m -> withId(m, repeat('a', 64)))
                        .build()))
                .isEmpty();
        assertThat(only(valid().withMarker(0, 0, m -> withId(m, repeat('a', 65)))
                                .build())
                        .field())
                .isEqualTo("phases[0].markers[0].id");
        assertThat(only(valid().withAntiSignals(antiSignal(null)).build()))
                .isEqualTo(new RubricViolation("antiSignals[0].id", "must not be blank"));
    }

    @Test
    void boundsLabelsDescriptionsTitlesAndTheName() {
        assertThat(RubricValidator.problems(valid().withName(repeat('n', 120))
                        .withDescription(repeat('d', 4000))
                        .withPhase(0, p -> new RubricJson.PhaseJson(p.phase(), repeat('t', 80), p.markers()))
                        .withMarker(0, 0, m -> withLabel(m, repeat('l', 80)))
                        .withMarker(0, 1, m -> withDescription(m, repeat('d', 2000)))
                        .withAntiSignals(new RubricJson.AntiSignalJson("anti.one", repeat('l', 80), repeat('d', 2000)))
                        .build()))
                .isEmpty();

        RubricJson tooLong = valid().withName(repeat('n', 121))
                .withDescription(repeat('d', 4001))
                .withPhase(0, p -> new RubricJson.PhaseJson(p.phase(), repeat('t', 81), p.markers()))
                .withMarker(0, 0, m -> withLabel(m, repeat('l', 81)))
                .withMarker(0, 1, m -> withDescription(m, repeat('d', 2001)))
                .withAntiSignals(new RubricJson.AntiSignalJson("anti.one", repeat('l', 81), repeat('d', 2001)))
                .build();

        assertThat(RubricValidator.problems(tooLong))
                .containsExactly(
                        new RubricViolation("name", "must be at most 120 characters (it has 121)"),
                        new RubricViolation("description", "must be at most 4000 characters (it has 4001)"),
                        new RubricViolation("phases[0].title", "must be at most 80 characters (it has 81)"),
                        new RubricViolation("phases[0].markers[0].label", "must be at most 80 characters (it has 81)"),
                        new RubricViolation(
                                "phases[0].markers[1].description", "must be at most 2000 characters (it has 2001)"),
                        new RubricViolation("antiSignals[0].label", "must be at most 80 characters (it has 81)"),
                        new RubricViolation(
                                "antiSignals[0].description", "must be at most 2000 characters (it has 2001)"));
    }

    @Test
    void requiresANameTitlesLabelsAndDescriptions() {
        RubricJson blank = valid().withName(" ")
                .withPhase(1, p -> new RubricJson.PhaseJson(p.phase(), null, p.markers()))
                .withMarker(0, 0, m -> withLabel(m, ""))
                .withMarker(0, 1, m -> withDescription(m, null))
                .withAntiSignals(new RubricJson.AntiSignalJson("anti.one", null, "\t"))
                .build();

        assertThat(fields(blank))
                .containsExactly(
                        "name",
                        "phases[0].markers[0].label",
                        "phases[0].markers[1].description",
                        "phases[1].title",
                        "antiSignals[0].label",
                        "antiSignals[0].description");
        assertThat(RubricValidator.problems(blank)).allMatch(v -> v.message().equals("must not be blank"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String eighty = "🙂".repeat(80);

        assertThat(RubricValidator.problems(
                        valid().withMarker(0, 0, m -> withLabel(m, eighty)).build()))
                .isEmpty();
    }

    @Test
    void boundsTheExampleQuestions() {
        List<String> ten = Collections.nCopies(10, repeat('q', 300));
        assertThat(RubricValidator.problems(
                        valid().withMarker(0, 0, m -> withQuestions(m, ten)).build()))
                .isEmpty();

        List<String> bad = new ArrayList<>(Collections.nCopies(9, "Fine?"));
        bad.add(repeat('q', 301));
        bad.add(" ");
        assertThat(RubricValidator.problems(
                        valid().withMarker(0, 0, m -> withQuestions(m, bad)).build()))
                .containsExactly(
                        new RubricViolation(
                                "phases[0].markers[0].exampleQuestions",
                                "must list at most 10 questions (it lists 11)"),
                        new RubricViolation(
                                "phases[0].markers[0].exampleQuestions[9]",
                                "must be at most 300 characters (it has 301)"),
                        new RubricViolation("phases[0].markers[0].exampleQuestions[10]", "must not be blank"));
    }

    @Test
    void aPhaseHasOneToSixtyMarkers() {
        List<RubricJson.MarkerJson> sixty =
                IntStream.range(0, 60).mapToObj(i -> marker("m" + i)).toList();
        assertThat(RubricValidator.problems(
                        valid().withPhase(0, p -> phase("OPENING", sixty)).build()))
                .isEmpty();

        List<RubricJson.MarkerJson> sixtyOne =
                IntStream.range(0, 61).mapToObj(i -> marker("m" + i)).toList();
        assertThat(only(valid().withPhase(0, p -> phase("OPENING", sixtyOne)).build()))
                .isEqualTo(new RubricViolation("phases[0].markers", "must list 1 to 60 markers (it lists 61)"));
        assertThat(only(valid().withPhase(1, p -> phase("CLOSING", List.of())).build()))
                .isEqualTo(new RubricViolation("phases[1].markers", "must list 1 to 60 markers (it lists 0)"));
    }

    @Test
    void aRubricHasAtMostFortyAntiSignals() {
        List<RubricJson.AntiSignalJson> forty =
                IntStream.range(0, 40).mapToObj(i -> antiSignal("anti." + i)).toList();
        assertThat(RubricValidator.problems(valid().withAntiSignals(forty).build()))
                .isEmpty();
        assertThat(RubricValidator.problems(valid().withAntiSignals(List.of()).build()))
                .isEmpty();
        assertThat(RubricValidator.problems(valid().withAntiSignals((List<RubricJson.AntiSignalJson>) null)
                        .build()))
                .isEmpty();

        List<RubricJson.AntiSignalJson> fortyOne =
                IntStream.range(0, 41).mapToObj(i -> antiSignal("anti." + i)).toList();
        assertThat(only(valid().withAntiSignals(fortyOne).build()))
                .isEqualTo(new RubricViolation("antiSignals", "must list at most 40 anti-signals (it lists 41)"));
    }

    @Test
    void aRequiredCountIsAtLeastOneAndAtMostTheMarkersOfItsPhase() {
        assertThat(RubricValidator.problems(valid().withRequired("OPENING", 2).build()))
                .isEmpty();
        assertThat(only(valid().withRequired("OPENING", 3).build()))
                .isEqualTo(new RubricViolation(
                        "scoring.requiredMarkers.OPENING", "must be at most 2, the markers of OPENING (it is 3)"));
        assertThat(only(valid().withRequired("CLOSING", -1).build()))
                .isEqualTo(new RubricViolation("scoring.requiredMarkers.CLOSING", "must be at least 1 (it is -1)"));
        assertThat(only(valid().withRequired("CLOSING", 0).build()).field())
                .isEqualTo("scoring.requiredMarkers.CLOSING");
    }

    @Test
    void aRequiredCountIsGivenForEveryPhaseOfTheRubricAndNoOther() {
        RubricJson rubric = valid().withRequired("CLOSING", null)
                .withRequired("EXPLORING", 1)
                .withRequired("WRAP_UP", 1)
                .build();

        assertThat(RubricValidator.problems(rubric))
                .containsExactly(
                        new RubricViolation(
                                "scoring.requiredMarkers.EXPLORING", "EXPLORING is not a phase of this rubric"),
                        new RubricViolation(
                                "scoring.requiredMarkers.WRAP_UP",
                                "\"WRAP_UP\" is not a phase; must be one of " + List.of(Phase.values())),
                        new RubricViolation(
                                "scoring.requiredMarkers.CLOSING", "is required for every phase of the rubric"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 100})
    void acceptsAPenaltyFromZeroToAHundred(int penalty) {
        assertThat(RubricValidator.problems(valid().withPenalty(penalty).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE})
    void rejectsANegativeOrTooLargePenalty(int penalty) {
        assertThat(only(valid().withPenalty(penalty).build()).field()).isEqualTo("scoring.penaltyPerAntiSignal");
    }

    @Test
    void requiresTheScoringParameters() {
        assertThat(fields(valid().withoutScoring().build())).containsExactly("scoring");
        assertThat(fields(valid().withRequiredMarkers(null).withPenalty(null).build()))
                .containsExactly("scoring.requiredMarkers", "scoring.penaltyPerAntiSignal");
    }

    @Test
    void reportsNullEntriesByTheirIndex() {
        List<RubricJson.PhaseJson> phases = new ArrayList<>(valid().build().phases());
        phases.add(null);
        List<RubricJson.AntiSignalJson> antiSignals = new ArrayList<>();
        antiSignals.add(null);

        assertThat(fields(
                        valid().withPhases(phases).withAntiSignals(antiSignals).build()))
                .containsExactly("phases[2]", "antiSignals[0]");
        assertThat(fields(null)).containsExactly("body");
    }

    @Test
    void listsEveryProblemAtOnceInTheOrderOfTheDocument() {
        Map<String, Integer> required = new LinkedHashMap<>();
        required.put("OPENING", 5);
        required.put("EXPLORING", 1);
        required.put("CLOSING", -2);
        RubricJson rubric = valid().withName("")
                .withPhases(
                        phase("OPENING", marker("same"), marker("Bad Id")),
                        phase("REFLECTING", marker("r.one")),
                        phase("CLOSING", marker("same")),
                        phase("OPENING", marker("again")))
                .withAntiSignals(new RubricJson.AntiSignalJson("anti.one", "", repeat('d', 2001)))
                .withRequiredMarkers(required)
                .withPenalty(-5)
                .build();

        assertThat(fields(rubric))
                .containsExactly(
                        "name",
                        "phases[0].markers[1].id",
                        "phases[1].phase",
                        "phases[2].markers[0].id",
                        "phases[3].phase",
                        "antiSignals[0].label",
                        "antiSignals[0].description",
                        "scoring.requiredMarkers.OPENING",
                        "scoring.requiredMarkers.EXPLORING",
                        "scoring.requiredMarkers.CLOSING",
                        "scoring.penaltyPerAntiSignal");
        assertThatThrownBy(() -> RubricValidator.validated(rubric))
                .isInstanceOfSatisfying(
                        InvalidRubricException.class,
                        e -> assertThat(e.violations()).hasSize(11));
    }

    @Test
    void namesPathsUnderThePrefixGiven() {
        RubricJson rubric = valid().withName(null).withPenalty(-1).build();

        assertThat(RubricValidator.problems(rubric, "content"))
                .extracting(RubricViolation::field)
                .containsExactly("content.name", "content.scoring.penaltyPerAntiSignal");
        assertThat(RubricValidator.problems(null, "content"))
                .extracting(RubricViolation::field)
                .containsExactly("content");
    }
}
