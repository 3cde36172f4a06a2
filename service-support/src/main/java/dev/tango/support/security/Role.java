package dev.tango.support.security;

/** What a caller may do on the platform; a token may carry several. */
public enum Role {
    STUDENT,
    MENTOR,
    ADMIN
}
