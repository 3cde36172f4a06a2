/**
 * The student's self-assessment of a session: per phase the markers they believe they showed, and a reflection, set
 * beside every published mentor scorecard marker by marker. The student's own data, not a projection.
 */
package dev.tango.feedback.selfassessment;
