package dev.tango.gateway.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin of a deployment without demo users ({@code tango.bootstrap-admin.*}; in docker-compose.yml from
 * {@code TANGO_BOOTSTRAP_ADMIN_EMAIL} and {@code TANGO_BOOTSTRAP_ADMIN_PASSWORD} in {@code .env}). Both or neither;
 * a weak password stops the gateway at startup, with a message that never contains it.
 */
@ConfigurationProperties("tango.bootstrap-admin")
public record BootstrapAdminProperties(
        String email,
        String password,
        @DefaultValue("Administrator") String name,
        @DefaultValue Set<String> programs) {

    public static final int MIN_PASSWORD = 12;
    public static final int MIN_DISTINCT_CHARACTERS = 6;

    private static final String PASSWORD_KEY = "tango.bootstrap-admin.password (TANGO_BOOTSTRAP_ADMIN_PASSWORD)";

    public BootstrapAdminProperties {
        email = blankToNull(email);
        password = password == null || password.isBlank() ? null : password;
        programs = programs == null ? Set.of() : Set.copyOf(programs);
        if ((email == null) != (password == null)) {
            throw new IllegalStateException("Set both tango.bootstrap-admin.email and tango.bootstrap-admin.password "
                    + "(TANGO_BOOTSTRAP_ADMIN_EMAIL, TANGO_BOOTSTRAP_ADMIN_PASSWORD), or neither");
        }
        if (password != null) {
            requireStrong(password, email);
        }
    }

    /** Whether a bootstrap admin is configured at all. */
    public boolean configured() {
        return email != null;
    }

    private static void requireStrong(String password, String email) {
        if (password.length() < MIN_PASSWORD) {
            throw weak("it must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
            throw weak("it must have at most " + UserService.MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)");
        }
        if (password.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw weak("it must have at least " + MIN_DISTINCT_CHARACTERS + " different characters");
        }
        String localPart = email.split("@", 2)[0].toLowerCase(Locale.ROOT);
        if (localPart.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(localPart)) {
            throw weak("it must not contain the email's name");
        }
    }

    private static IllegalStateException weak(String rule) {
        return new IllegalStateException(PASSWORD_KEY + " is too weak: " + rule);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Never shows the password (e.g. in a failure analysis or a debugger). */
    @Override
    public String toString() {
        return "BootstrapAdminProperties[email=" + email + ", password=" + (password == null ? "unset" : "******")
                + ", name=" + name + ", programs=" + programs + "]";
    }
}
