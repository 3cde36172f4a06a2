package dev.tango.gateway.user.mongo;

import dev.tango.events.UserId;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.Users;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class MongoUsers implements Users, InitializingBean {

    static final String COLLECTION = "users";
    static final String EMAIL_INDEX = "email_unique";

    private final ReactiveMongoTemplate mongo;

    MongoUsers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Startup: the unique email index must exist before the first user is stored. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("email", Sort.Direction.ASC).unique().named(EMAIL_INDEX))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<User> findById(UserId id) {
        return mongo.findById(id.value(), UserDocument.class).map(UserDocument::toUser);
    }

    @Override
    public Mono<User> findByEmail(String email) {
        return mongo.findOne(Query.query(Criteria.where("email").is(User.normalizeEmail(email))), UserDocument.class)
                .map(UserDocument::toUser);
    }

    @Override
    public Flux<User> findAll() {
        return mongo.find(new Query().with(Sort.by("displayName", "_id")), UserDocument.class)
                .map(UserDocument::toUser);
    }

    @Override
    public Mono<User> insert(User user) {
        return mongo.insert(UserDocument.from(user))
                .map(UserDocument::toUser)
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, user));
    }

    @Override
    public Mono<User> update(User user) {
        return mongo.save(UserDocument.from(user))
                .map(UserDocument::toUser)
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, user));
    }

    private static RuntimeException duplicate(DuplicateKeyException e, User user) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(EMAIL_INDEX) || message.contains("email")) {
            return new EmailAlreadyUsedException(user.email());
        }
        return new UserIdAlreadyUsedException(user.id());
    }
}
