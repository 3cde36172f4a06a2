/**
 * Rebuilding the read models: every projection's stored state is reset and its consumers replay their topics from the
 * beginning. Comments and self-assessments are not projections (they are this service's own data) and stay.
 */
package dev.tango.feedback.rebuild;
