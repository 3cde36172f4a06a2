package dev.tango.gateway.user;

import java.util.Locale;

/** What a person may do on the platform; a user has one or more. */
public enum Role {
    STUDENT,
    MENTOR,
    ADMIN,
    /**
     * Manages the users and API tokens of every program (an {@link #ADMIN} manages only those of their own programs):
     * held only together with ADMIN, granted only by another platform admin (or at bootstrap), never to an API client
     * or by an external identity provider. A gateway capability only: the services never see it (see
     * {@link #forwarded()}).
     */
    PLATFORM_ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the services learn of this role in the service JWT: every role but the gateway's PLATFORM_ADMIN. */
    public boolean forwarded() {
        return this != PLATFORM_ADMIN;
    }

    /** For people to read: "Student", "Platform admin". */
    public String label() {
        String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
