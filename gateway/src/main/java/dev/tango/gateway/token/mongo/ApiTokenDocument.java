package dev.tango.gateway.token.mongo;

import dev.tango.events.ProgramId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored token: {@code _id} is the SHA-256 hash of the plaintext; {@code tokenId} is the public id. */
@Document(MongoApiTokens.COLLECTION)
record ApiTokenDocument(
        @Id String hash,
        String tokenId,
        String name,
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
                token.role().name(),
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
                Role.valueOf(role),
                programs.stream().map(ProgramId::of).collect(Collectors.toSet()),
                issuedBy,
                issuedAt,
                expiresAt,
                revokedAt);
    }
}
