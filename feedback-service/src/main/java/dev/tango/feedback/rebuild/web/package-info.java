/** The admin command that rebuilds the read models. */
package dev.tango.feedback.rebuild.web;
