/**
 * One read model per session, built only from session and score events: its facts, phases, transcript, observations
 * and every mentor's latest published scorecard. Dashboards, metrics and access rules read it.
 */
package dev.tango.feedback.insight;
