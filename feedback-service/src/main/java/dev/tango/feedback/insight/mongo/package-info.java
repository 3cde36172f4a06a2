/** MongoDB storage of session insights, one document per session keyed by session id. */
package dev.tango.feedback.insight.mongo;
