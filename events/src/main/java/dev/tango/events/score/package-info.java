/**
 * The events scoring-service publishes on {@link dev.tango.events.Topics#SCORE_EVENTS}: observations recorded and
 * retracted, scorecards published and revised. Keyed by session id, numbered per session.
 */
package dev.tango.events.score;
