package dev.tango.events.session;

import dev.tango.events.TangoEvent;

/** Marker for the events session-service publishes on {@link dev.tango.events.Topics#SESSION_EVENTS}. */
public sealed interface SessionEvent extends TangoEvent
        permits SessionScheduled, SessionStarted, PhaseEntered, SessionEnded, SessionCancelled, TranscriptAppended {}
