/** feedback-service: the read models behind students' dashboards, built from events (mentor comments come later). */
package dev.tango.feedback;
