/** MongoDB storage of timelines: one document per session, keyed by session id, with an optimistic-lock version. */
package dev.tango.scoring.timeline.mongo;
