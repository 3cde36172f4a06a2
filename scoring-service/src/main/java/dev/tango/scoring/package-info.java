/** scoring-service: phase timelines of sessions, built from session events; rubrics (scorecards come later). */
package dev.tango.scoring;
