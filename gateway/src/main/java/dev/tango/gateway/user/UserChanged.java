package dev.tango.gateway.user;

import dev.tango.events.UserId;

/** Published inside the gateway when a user's roles, programs or active flag change, so caches forget them. */
public record UserChanged(UserId userId) {}
