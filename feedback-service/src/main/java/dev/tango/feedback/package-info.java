/** feedback-service: mentor comments, self-assessments and the read models behind dashboards and program metrics. */
package dev.tango.feedback;
