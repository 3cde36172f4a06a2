package dev.tango.gateway.user.mongo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The stored shape of a {@link User}: plain strings, sorted lists, an optimistic-locking version. */
@Document(MongoUsers.COLLECTION)
record UserDocument(
        @Id String id,
        String displayName,
        String email,
        List<String> roles,
        List<String> programs,
        boolean active,
        String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    static UserDocument from(User user) {
        return new UserDocument(
                user.id().value(),
                user.displayName(),
                user.email(),
                user.roles().stream().map(Role::name).sorted().toList(),
                user.programs().stream().map(ProgramId::value).sorted().toList(),
                user.active(),
                user.passwordHash(),
                user.createdAt(),
                user.updatedAt(),
                user.version());
    }

    User toUser() {
        return new User(
                UserId.of(id),
                displayName,
                email,
                roles.stream().map(Role::valueOf).collect(Collectors.toSet()),
                programs == null
                        ? java.util.Set.of()
                        : programs.stream().map(ProgramId::of).collect(Collectors.toSet()),
                active,
                passwordHash,
                createdAt,
                updatedAt,
                version);
    }
}
