package dev.tango.gateway.user;

/** What a person may do on the platform; a user has one or more. */
public enum Role {
    STUDENT,
    MENTOR,
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
