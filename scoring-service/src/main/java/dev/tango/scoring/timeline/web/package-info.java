/** HTTP read API of timelines under {@code /api/scoring}. */
package dev.tango.scoring.timeline.web;
