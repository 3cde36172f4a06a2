/** Session scorings in MongoDB: one document per session, with its outbox of score events. */
package dev.tango.scoring.scorecard.mongo;
