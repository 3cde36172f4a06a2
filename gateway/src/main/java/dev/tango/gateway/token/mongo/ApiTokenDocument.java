package dev.tango.gateway.token.mongo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored token: {@code _id} is the SHA-256 hash of the plaintext; {@code tokenId} is the public id; {@code userId} is set
 * for a personal token (and {@code role} then absent).
 */
@Document(MongoApiTokens.COLLECTION)
record ApiTokenDocument(
        @Id String hash,
        String tokenId,
        String name,
        String userId,
        String role,
        List<String> programs,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt) {

    static ApiTokenDocument from(ApiToken token) {
        return new ApiTokenDocument(
                token.hash(),
                token.id(),
                token.name(),
                token.user() == null ? null : token.user().value(),
                token.role() == null ? null : token.role().name(),
                token.programs().stream().map(ProgramId::value).sorted().toList(),
                token.issuedBy(),
                token.issuedAt(),
                token.expiresAt(),
                token.revokedAt());
    }

    ApiToken toToken() {
        return new ApiToken(
                tokenId,
                hash,
                name,
                userId == null ? null : UserId.of(userId),
                role == null ? null : Role.valueOf(role),
                programs == null
                        ? Set.of()
                        : programs.stream().map(ProgramId::of).collect(Collectors.toSet()),
                issuedBy,
                issuedAt,
                expiresAt,
                revokedAt);
    }
}
