package dev.tango.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A DEMO user that the gateway seeds under its {@code local} profile (which the local stack always runs it with). The
 * list lives in one place, the gateway's {@code demo-users.properties}; the launcher reads it out of the gateway jar it
 * starts, so that what it prints is what the gateway seeded.
 */
public record DemoUser(String id, String name, String email, String password, String role, String program) {

    /** Where the Spring Boot exec jar keeps the gateway's resources. */
    static final String RESOURCE = "BOOT-INF/classes/demo-users.properties";

    /** The demo users listed in a gateway exec jar. */
    static List<DemoUser> readFrom(Path gatewayJar) {
        Properties file = new Properties();
        try (JarFile jar = new JarFile(gatewayJar.toFile())) {
            ZipEntry entry = jar.getEntry(RESOURCE);
            if (entry == null) {
                throw new LocalStackException(gatewayJar + " has no " + RESOURCE + ": rebuild the gateway");
            }
            try (InputStream in = jar.getInputStream(entry)) {
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LocalStackException(
                    "cannot read the demo users from " + gatewayJar + ": " + e, LocalStackException.EXIT_FAILURE, e);
        }
        String program = required(file, "program");
        return Arrays.stream(required(file, "users").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(id -> new DemoUser(
                        id,
                        required(file, id + ".name"),
                        required(file, id + ".email"),
                        required(file, id + ".password"),
                        required(file, id + ".role"),
                        program))
                .toList();
    }

    private static String required(Properties file, String key) {
        String value = file.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new LocalStackException("the gateway's demo-users.properties has no value for " + key);
        }
        return value.trim();
    }
}
