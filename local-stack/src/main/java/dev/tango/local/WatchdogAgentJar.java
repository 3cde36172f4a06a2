package dev.tango.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a one-class agent jar holding {@link ParentWatchdog}, so a service started with {@code java -jar} watches
 * the launcher too. Generated rather than shipped so that it works the same from the packaged launcher, from
 * {@code target/classes} and from a test JVM.
 */
final class WatchdogAgentJar {

    private WatchdogAgentJar() {}

    static Path writeTo(Path directory) {
        String classFile = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        try (InputStream classBytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(classFile)) {
            if (classBytes == null) {
                throw new IllegalStateException("cannot read " + classFile + " from the launcher classpath");
            }
            Files.createDirectories(directory);
            Path jar = directory.resolve("tango-watchdog-agent.jar");
            Path partial = directory.resolve("tango-watchdog-agent.jar.tmp");
            try (OutputStream file = Files.newOutputStream(partial);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(classFile));
                classBytes.transferTo(out);
                out.closeEntry();
            }
            Files.move(
                    partial,
                    jar,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watchdog agent jar in " + directory, e);
        }
    }
}
