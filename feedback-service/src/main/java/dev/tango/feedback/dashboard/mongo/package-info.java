/** MongoDB storage of dashboards (one document per student) and session routes (one per session), keyed by id. */
package dev.tango.feedback.dashboard.mongo;
