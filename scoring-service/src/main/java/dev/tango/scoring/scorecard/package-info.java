/**
 * Observations mentors record on a session, and the scorecards computed from them with the scoring formula of
 * DESIGN.md: per phase the markers observed and missed, the anti-signals counted and the phase score, and the overall
 * partnership score, each number explained.
 */
package dev.tango.scoring.scorecard;
