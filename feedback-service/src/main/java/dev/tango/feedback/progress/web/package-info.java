/** HTTP read API of dashboards, session pages, program metrics and the CSV export under {@code /api/feedback}. */
package dev.tango.feedback.progress.web;
