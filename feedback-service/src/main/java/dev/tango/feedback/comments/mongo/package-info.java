/** MongoDB storage of comments: one document per session, keyed by session id, saved with optimistic locking. */
package dev.tango.feedback.comments.mongo;
