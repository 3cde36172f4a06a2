/** MongoDB adapter for sessions: one document per session, with its outbox, written with optimistic locking. */
package dev.tango.session.mongo;
