/**
 * What students and admins see of progress, computed on read from session insights and published comments: the
 * student dashboard, the session page, program metrics and the program CSV export. Definitions in the README.
 */
package dev.tango.feedback.progress;
