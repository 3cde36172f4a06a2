/** The observation and scorecard API: mentors record, retract and publish; students read what was published. */
package dev.tango.scoring.scorecard.web;
