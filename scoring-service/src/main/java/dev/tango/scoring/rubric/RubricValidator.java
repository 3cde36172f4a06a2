package dev.tango.scoring.rubric;

import dev.tango.events.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a rubric's content must follow before it is stored or published. {@link #problems} lists every broken rule
 * at once, each with the JSON path of the value, so that an import can be corrected in one go.
 *
 * <p>Ids (of rubrics, markers and anti-signals) are 1–{@value #MAX_ID_LENGTH} characters of lower-case letters,
 * digits, '.', '_' and '-', starting with a letter or digit; marker and anti-signal ids are unique within the rubric,
 * all together, because observations name them alone. Lengths count characters (code points).
 */
public final class RubricValidator {

    public static final int MAX_ID_LENGTH = 64;
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]*";
    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_RUBRIC_DESCRIPTION_LENGTH = 4000;
    public static final int MAX_TITLE_LENGTH = 80;
    public static final int MAX_LABEL_LENGTH = 80;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_MARKERS_PER_PHASE = 60;
    public static final int MAX_EXAMPLE_QUESTIONS = 10;
    public static final int MAX_QUESTION_LENGTH = 300;
    public static final int MAX_ANTI_SIGNALS = 40;
    public static final int MAX_PENALTY = 100;

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final String PHASE_NAMES = Arrays.toString(Phase.values());

    private RubricValidator() {}

    /** Whether the value is a valid rubric, marker or anti-signal id. */
    public static boolean isValidId(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= MAX_ID_LENGTH
                && ID.matcher(id).matches();
    }

    /** Every rule the content breaks, in the order of the document; empty if it is valid. */
    public static List<RubricViolation> problems(RubricJson rubric) {
        return problems(rubric, "");
    }

    /**
     * Every rule the content breaks, with paths under {@code prefix} (e.g. {@code content} when the rubric is a field
     * of a request; empty for a rubric that is the whole body).
     */
    public static List<RubricViolation> problems(RubricJson rubric, String prefix) {
        Check check = new Check(prefix);
        if (rubric == null) {
            check.add("", "is required");
            return check.violations;
        }
        check.text("name", rubric.name(), true, MAX_NAME_LENGTH);
        check.text("description", rubric.description(), false, MAX_RUBRIC_DESCRIPTION_LENGTH);
        Map<Phase, Integer> markersByPhase = check.phases(rubric.phases());
        check.antiSignals(rubric.antiSignals());
        check.scoring(rubric.scoring(), markersByPhase);
        return check.violations;
    }

    /** The content, once it breaks no rule; otherwise fails with every violation. */
    public static RubricContent validated(RubricJson rubric, String prefix) {
        List<RubricViolation> violations = problems(rubric, prefix);
        if (!violations.isEmpty()) {
            throw new InvalidRubricException(violations);
        }
        return toContent(rubric);
    }

    public static RubricContent validated(RubricJson rubric) {
        return validated(rubric, "");
    }

    private static RubricContent toContent(RubricJson rubric) {
        Map<Phase, Integer> required = new EnumMap<>(Phase.class);
        rubric.scoring().requiredMarkers().forEach((phase, count) -> required.put(Phase.valueOf(phase), count));
        return new RubricContent(
                rubric.name(),
                rubric.description() == null ? "" : rubric.description(),
                rubric.phases().stream()
                        .map(phase -> new RubricPhase(
                                Phase.valueOf(phase.phase()),
                                phase.title(),
                                phase.markers().stream()
                                        .map(marker -> new Marker(
                                                marker.id(),
                                                marker.label(),
                                                marker.description(),
                                                marker.exampleQuestions()))
                                        .toList()))
                        .toList(),
                rubric.antiSignals() == null
                        ? List.of()
                        : rubric.antiSignals().stream()
                                .map(anti -> new AntiSignal(anti.id(), anti.label(), anti.description()))
                                .toList(),
                new ScoringParameters(required, rubric.scoring().penaltyPerAntiSignal()));
    }

    /** Collects the violations of one document, with the ids seen so far. */
    private static final class Check {

        private final String prefix;
        private final List<RubricViolation> violations = new ArrayList<>();
        private final Map<String, String> idsSeen = new HashMap<>();

        Check(String prefix) {
            this.prefix = prefix;
        }

        void add(String path, String message) {
            String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
            violations.add(new RubricViolation(field.isEmpty() ? "body" : field, message));
        }

        void text(String path, String value, boolean required, int max) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(path, "must not be blank");
                } else if (value != null && !value.isEmpty()) {
                    add(path, "must not be only spaces");
                }
                return;
            }
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                add(path, "must be at most " + max + " characters (it has " + length + ")");
            }
        }

        void id(String path, String id) {
            if (id == null || id.isBlank()) {
                add(path, "must not be blank");
                return;
            }
            if (!isValidId(id)) {
                add(
                        path,
                        "must be 1-" + MAX_ID_LENGTH
                                + " characters of lower-case letters, digits, '.', '_' or '-', starting with a"
                                + " letter or digit");
                return;
            }
            String first = idsSeen.putIfAbsent(id, path);
            if (first != null) {
                add(path, "\"" + id + "\" is already the id of " + first.substring(0, first.length() - ".id".length()));
            }
        }

        /** Checks the phases; answers the number of markers of each phase listed once, for the scoring checks. */
        Map<Phase, Integer> phases(List<RubricJson.PhaseJson> phases) {
            Map<Phase, Integer> markersByPhase = new EnumMap<>(Phase.class);
            if (phases == null || phases.isEmpty()) {
                add("phases", "must list at least one phase");
                return markersByPhase;
            }
            Map<Phase, Integer> firstIndex = new EnumMap<>(Phase.class);
            Phase last = null;
            for (int i = 0; i < phases.size(); i++) {
                String path = "phases[" + i + "]";
                RubricJson.PhaseJson phase = phases.get(i);
                if (phase == null) {
                    add(path, "must not be null");
                    continue;
                }
                Phase known = phase(path + ".phase", phase.phase());
                if (known != null) {
                    Integer earlier = firstIndex.putIfAbsent(known, i);
                    if (earlier != null) {
                        add(path + ".phase", known + " is listed twice (also phases[" + earlier + "])");
                        known = null;
                    } else if (last != null && known.compareTo(last) < 0) {
                        add(
                                path + ".phase",
                                known + " must come before " + last + ": phases follow the order of the conversation "
                                        + PHASE_NAMES);
                    } else {
                        last = known;
                    }
                }
                text(path + ".title", phase.title(), true, MAX_TITLE_LENGTH);
                int markers = markers(path, phase.markers());
                if (known != null) {
                    markersByPhase.put(known, markers);
                }
            }
            return markersByPhase;
        }

        private Phase phase(String path, String name) {
            if (name == null || name.isBlank()) {
                add(path, "must not be blank");
                return null;
            }
            try {
                return Phase.valueOf(name);
            } catch (IllegalArgumentException e) {
                add(path, "\"" + name + "\" is not a phase; must be one of " + PHASE_NAMES);
                return null;
            }
        }

        /** Checks a phase's markers; answers how many it lists. */
        private int markers(String phasePath, List<RubricJson.MarkerJson> markers) {
            String path = phasePath + ".markers";
            if (markers == null || markers.isEmpty() || markers.size() > MAX_MARKERS_PER_PHASE) {
                add(
                        path,
                        "must list 1 to " + MAX_MARKERS_PER_PHASE + " markers (it lists "
                                + (markers == null ? 0 : markers.size()) + ")");
            }
            if (markers == null) {
                return 0;
            }
            for (int j = 0; j < markers.size(); j++) {
                String markerPath = path + "[" + j + "]";
                RubricJson.MarkerJson marker = markers.get(j);
                if (marker == null) {
                    add(markerPath, "must not be null");
                    continue;
                }
                id(markerPath + ".id", marker.id());
                text(markerPath + ".label", marker.label(), true, MAX_LABEL_LENGTH);
                text(markerPath + ".description", marker.description(), true, MAX_DESCRIPTION_LENGTH);
                questions(markerPath + ".exampleQuestions", marker.exampleQuestions());
            }
            return markers.size();
        }

        private void questions(String path, List<String> questions) {
            if (questions == null) {
                return;
            }
            if (questions.size() > MAX_EXAMPLE_QUESTIONS) {
                add(
                        path,
                        "must list at most " + MAX_EXAMPLE_QUESTIONS + " questions (it lists " + questions.size()
                                + ")");
            }
            for (int k = 0; k < questions.size(); k++) {
                text(path + "[" + k + "]", questions.get(k), true, MAX_QUESTION_LENGTH);
            }
        }

        void antiSignals(List<RubricJson.AntiSignalJson> antiSignals) {
            if (antiSignals == null) {
                return;
            }
            if (antiSignals.size() > MAX_ANTI_SIGNALS) {
                add(
                        "antiSignals",
                        "must list at most " + MAX_ANTI_SIGNALS + " anti-signals (it lists " + antiSignals.size()
                                + ")");
            }
            for (int i = 0; i < antiSignals.size(); i++) {
                String path = "antiSignals[" + i + "]";
                RubricJson.AntiSignalJson anti = antiSignals.get(i);
                if (anti == null) {
                    add(path, "must not be null");
                    continue;
                }
                id(path + ".id", anti.id());
                text(path + ".label", anti.label(), true, MAX_LABEL_LENGTH);
                text(path + ".description", anti.description(), true, MAX_DESCRIPTION_LENGTH);
            }
        }

        void scoring(RubricJson.ScoringJson scoring, Map<Phase, Integer> markersByPhase) {
            if (scoring == null) {
                add("scoring", "must not be null");
                return;
            }
            Map<String, Integer> required = scoring.requiredMarkers();
            if (required == null) {
                add("scoring.requiredMarkers", "must not be null");
            } else {
                required.forEach((name, count) -> requiredCount(name, count, markersByPhase));
                markersByPhase.keySet().stream()
                        .filter(phase -> !required.containsKey(phase.name()))
                        .forEach(phase -> add(
                                "scoring.requiredMarkers." + phase.name(),
                                "is required for every phase of the rubric"));
            }
            Integer penalty = scoring.penaltyPerAntiSignal();
            if (penalty == null) {
                add("scoring.penaltyPerAntiSignal", "must not be null");
            } else if (penalty < 0 || penalty > MAX_PENALTY) {
                add(
                        "scoring.penaltyPerAntiSignal",
                        "must be between 0 and " + MAX_PENALTY + " (it is " + penalty + ")");
            }
        }

        private void requiredCount(String name, Integer count, Map<Phase, Integer> markersByPhase) {
            String path = "scoring.requiredMarkers." + name;
            Phase phase;
            try {
                phase = Phase.valueOf(name);
            } catch (IllegalArgumentException e) {
                add(path, "\"" + name + "\" is not a phase; must be one of " + PHASE_NAMES);
                return;
            }
            Integer markers = markersByPhase.get(phase);
            if (markers == null) {
                add(path, phase + " is not a phase of this rubric");
                return;
            }
            if (count == null) {
                add(path, "must not be null");
            } else if (count < 1) {
                // The formula divides by it: 100 * min(1, observed / required).
                add(path, "must be at least 1 (it is " + count + ")");
            } else if (markers > 0 && count > markers) {
                add(path, "must be at most " + markers + ", the markers of " + phase + " (it is " + count + ")");
            }
        }
    }
}
