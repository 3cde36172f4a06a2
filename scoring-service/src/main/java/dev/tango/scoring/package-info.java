/** scoring-service: phase timelines of sessions, built from session events (rubrics and scorecards come later). */
package dev.tango.scoring;
