/** Students' dashboards: per student, the list of their sessions and where each stands, built from session events. */
package dev.tango.feedback.dashboard;
