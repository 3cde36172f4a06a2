/** Server-rendered pages (Thymeleaf + htmx): sign-in, home page per role, user administration. */
package dev.tango.gateway.ui;
