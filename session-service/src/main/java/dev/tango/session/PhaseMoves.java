package dev.tango.session;

import dev.tango.events.Phase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moves between phases that a conversation may make. The client leads, so the coach may go back to exploring or
 * meaning making from action planning, and back to action planning from closing; nobody returns to the opening.
 */
public final class PhaseMoves {

    private static final Map<Phase, Set<Phase>> ALLOWED = new EnumMap<>(Phase.class);

    static {
        ALLOWED.put(Phase.OPENING, EnumSet.of(Phase.EXPLORING, Phase.MEANING_MAKING));
        ALLOWED.put(Phase.EXPLORING, EnumSet.of(Phase.MEANING_MAKING, Phase.ACTION_PLANNING));
        ALLOWED.put(Phase.MEANING_MAKING, EnumSet.of(Phase.EXPLORING, Phase.ACTION_PLANNING));
        ALLOWED.put(Phase.ACTION_PLANNING, EnumSet.of(Phase.EXPLORING, Phase.MEANING_MAKING, Phase.CLOSING));
        ALLOWED.put(Phase.CLOSING, EnumSet.of(Phase.ACTION_PLANNING));
    }

    private PhaseMoves() {}

    /** The phases that may follow {@code from}, in phase order. */
    public static List<Phase> from(Phase from) {
        return List.copyOf(ALLOWED.get(from));
    }

    public static boolean allows(Phase from, Phase to) {
        return ALLOWED.get(from).contains(to);
    }
}
