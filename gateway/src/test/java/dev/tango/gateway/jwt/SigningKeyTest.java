package dev.tango.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnFirstStartAndReadsTheSameOneAfterARestart() {
        SigningKey first = SigningKey.loadOrCreate(dir.resolve("keys"));
        SigningKey afterRestart = SigningKey.loadOrCreate(dir.resolve("keys"));

        assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
        assertThat(afterRestart.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void anotherFolderMeansAnotherKey() {
        assertThat(SigningKey.loadOrCreate(dir.resolve("a")).keyId())
                .isNotEqualTo(SigningKey.loadOrCreate(dir.resolve("b")).keyId());
    }

    @Test
    void keepsTheKeyFileReadableByItsOwnerOnly() throws IOException {
        SigningKey.loadOrCreate(dir.resolve("keys"));
        Path file = dir.resolve("keys").resolve(SigningKey.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
    }

    @Test
    void publishesOnlyThePublicHalf() {
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys"));
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> keys = (java.util.List<java.util.Map<String, Object>>)
                key.publicJwkSet().get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsEntry("kid", key.keyId()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }
}
