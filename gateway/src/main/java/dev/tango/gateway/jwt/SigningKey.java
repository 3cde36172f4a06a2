package dev.tango.gateway.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's RSA signing key: generated on first start and kept as a JWK file (owner read/write only) in the key
 * folder, so that restarts keep the same key and {@code kid}. The {@code kid} is the key's RFC 7638 thumbprint.
 */
public final class SigningKey {

    static final String FILE_NAME = "service-token-rs256.jwk.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    /** Startup code: reads the key file, or creates it (atomically) when there is none. */
    public static SigningKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException(file + " holds no private key");
                }
                log.info("Service-token signing key {} loaded from {}", key.getKeyID(), file.toAbsolutePath());
                return new SigningKey(key);
            }
            RSAKey generated = generate();
            write(dir, file, generated);
            log.info("Service-token signing key {} generated in {}", generated.getKeyID(), file.toAbsolutePath());
            return new SigningKey(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key in " + dir.toAbsolutePath(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK", e);
        }
    }

    public RSAKey privateKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The JWK set with public keys only, as served at /.well-known/jwks.json. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            String kid = key.computeThumbprint().toString();
            return new RSAKey.Builder(key).keyID(kid).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static void write(Path dir, Path file, RSAKey key) throws IOException {
        if (POSIX) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (POSIX) {
            Files.createFile(
                    temp,
                    PosixFilePermissions.asFileAttribute(
                            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
