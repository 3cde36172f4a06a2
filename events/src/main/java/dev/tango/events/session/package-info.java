/** Events published by session-service about the lifecycle of practice sessions. */
package dev.tango.events.session;
