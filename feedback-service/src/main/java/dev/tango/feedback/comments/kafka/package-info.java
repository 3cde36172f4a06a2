/** Consumes scorecard events to publish each mentor's draft comments together with their scorecard. */
package dev.tango.feedback.comments.kafka;
