/** HTTP conventions: RFC 9457 problem details for every error, typed ids in paths. */
package dev.tango.support.web;
