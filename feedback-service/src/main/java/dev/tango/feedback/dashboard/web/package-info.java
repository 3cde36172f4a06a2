/** HTTP read API of dashboards under {@code /api/feedback}. */
package dev.tango.feedback.dashboard.web;
