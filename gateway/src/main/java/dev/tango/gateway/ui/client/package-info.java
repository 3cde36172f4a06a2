/** The UI's calls to the services (with the caller's service token), turning every failure into a plain state. */
package dev.tango.gateway.ui.client;
