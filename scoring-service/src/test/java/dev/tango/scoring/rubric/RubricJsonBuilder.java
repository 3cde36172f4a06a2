package dev.tango.scoring.rubric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rubrics in the import format for tests: {@link #valid()} is a small rubric that breaks no rule (OPENING with two
 * markers, CLOSING with one, one anti-signal), and each {@code with...} method changes one thing of it.
 */
public final class RubricJsonBuilder {

    private String name = "Small rubric";
    private String description = "For tests";
    private List<RubricJson.PhaseJson> phases = new ArrayList<>(List.of(
            phase("OPENING", marker("opening.one"), marker("opening.two")), phase("CLOSING", marker("closing.one"))));
    private List<RubricJson.AntiSignalJson> antiSignals = new ArrayList<>(List.of(antiSignal("anti.one")));
    private Map<String, Integer> required = new LinkedHashMap<>();
    private Integer penalty = 10;
    private boolean noScoring;

    public static RubricJsonBuilder valid() {
        RubricJsonBuilder builder = new RubricJsonBuilder();
        builder.required.put("OPENING", 1);
        builder.required.put("CLOSING", 1);
        return builder;
    }

    public static RubricJson.PhaseJson phase(String phase, RubricJson.MarkerJson... markers) {
        return new RubricJson.PhaseJson(phase, "Title of " + phase, List.of(markers));
    }

    public static RubricJson.PhaseJson phase(String phase, List<RubricJson.MarkerJson> markers) {
        return new RubricJson.PhaseJson(phase, "Title of " + phase, markers);
    }

    public static RubricJson.MarkerJson marker(String id) {
        return new RubricJson.MarkerJson(id, "Label " + id, "Description of " + id, List.of("What do you want?"));
    }

    public static RubricJson.AntiSignalJson antiSignal(String id) {
        return new RubricJson.AntiSignalJson(id, "Label " + id, "Description of " + id);
    }

    public RubricJsonBuilder withName(String name) {
        this.name = name;
        return this;
    }

    public RubricJsonBuilder withDescription(String description) {
        this.description = description;
        return this;
    }

    public RubricJsonBuilder withPhases(List<RubricJson.PhaseJson> phases) {
        this.phases = phases == null ? null : new ArrayList<>(phases);
        return this;
    }

    public RubricJsonBuilder withPhases(RubricJson.PhaseJson... phases) {
        return withPhases(new ArrayList<>(java.util.Arrays.asList(phases)));
    }

    /** Changes the phase at that index. */
    public RubricJsonBuilder withPhase(int index, UnaryOperator<RubricJson.PhaseJson> change) {
        phases.set(index, change.apply(phases.get(index)));
        return this;
    }

    /** Changes the marker at that index of the phase at that index. */
    public RubricJsonBuilder withMarker(int phase, int marker, UnaryOperator<RubricJson.MarkerJson> change) {
        RubricJson.PhaseJson old = phases.get(phase);
        List<RubricJson.MarkerJson> markers = new ArrayList<>(old.markers());
        markers.set(marker, change.apply(markers.get(marker)));
        phases.set(phase, new RubricJson.PhaseJson(old.phase(), old.title(), markers));
        return this;
    }

    public RubricJsonBuilder withAntiSignals(List<RubricJson.AntiSignalJson> antiSignals) {
        this.antiSignals = antiSignals == null ? null : new ArrayList<>(antiSignals);
        return this;
    }

    public RubricJsonBuilder withAntiSignals(RubricJson.AntiSignalJson... antiSignals) {
        return withAntiSignals(java.util.Arrays.asList(antiSignals));
    }

    /** Sets (or, with {@code null}, removes) the required count of a phase. */
    public RubricJsonBuilder withRequired(String phase, Integer count) {
        if (count == null) {
            required.remove(phase);
        } else {
            required.put(phase, count);
        }
        return this;
    }

    public RubricJsonBuilder withRequiredMarkers(Map<String, Integer> required) {
        this.required = required == null ? null : new LinkedHashMap<>(required);
        return this;
    }

    public RubricJsonBuilder withPenalty(Integer penalty) {
        this.penalty = penalty;
        return this;
    }

    public RubricJsonBuilder withoutScoring() {
        this.noScoring = true;
        return this;
    }

    public RubricJson build() {
        return new RubricJson(
                name,
                description,
                phases,
                antiSignals,
                noScoring ? null : new RubricJson.ScoringJson(required, penalty));
    }

    public static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    public static RubricJson.MarkerJson withId(RubricJson.MarkerJson marker, String id) {
        return new RubricJson.MarkerJson(id, marker.label(), marker.description(), marker.exampleQuestions());
    }

    public static RubricJson.MarkerJson withLabel(RubricJson.MarkerJson marker, String label) {
        return new RubricJson.MarkerJson(marker.id(), label, marker.description(), marker.exampleQuestions());
    }

    public static RubricJson.MarkerJson withDescription(RubricJson.MarkerJson marker, String description) {
        return new RubricJson.MarkerJson(marker.id(), marker.label(), description, marker.exampleQuestions());
    }

    public static RubricJson.MarkerJson withQuestions(RubricJson.MarkerJson marker, List<String> questions) {
        return new RubricJson.MarkerJson(marker.id(), marker.label(), marker.description(), questions);
    }
}
