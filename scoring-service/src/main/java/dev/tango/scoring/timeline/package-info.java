/** Phase timelines: per session, the phases visited in order and the time spent in each, built from session events. */
package dev.tango.scoring.timeline;
