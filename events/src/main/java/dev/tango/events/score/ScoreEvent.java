package dev.tango.events.score;

import dev.tango.events.TangoEvent;

/** Marker for the events scoring-service publishes on {@link dev.tango.events.Topics#SCORE_EVENTS}. */
public sealed interface ScoreEvent extends TangoEvent
        permits ObservationRecorded, ObservationRetracted, ScorecardPublished, ScorecardRevised {}
