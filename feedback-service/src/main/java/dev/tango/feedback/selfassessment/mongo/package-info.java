/** MongoDB storage of self-assessments, one document per session keyed by session id. */
package dev.tango.feedback.selfassessment.mongo;
