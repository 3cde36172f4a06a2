package dev.tango.gateway.token.mongo;

import dev.tango.events.UserId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.token.ApiTokens;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class MongoApiTokens implements ApiTokens, InitializingBean {

    static final String COLLECTION = "api_tokens";

    private final ReactiveMongoTemplate mongo;

    MongoApiTokens(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("tokenId", Sort.Direction.ASC).unique().named("token_id_unique"))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<ApiToken> findByHash(String hash) {
        return mongo.findById(hash, ApiTokenDocument.class).map(ApiTokenDocument::toToken);
    }

    /** Revoking is rare and admin-only: a scan on the embedded server is fine here. */
    @Override
    public Mono<ApiToken> findById(String id) {
        return mongo.findOne(Query.query(Criteria.where("tokenId").is(id)), ApiTokenDocument.class)
                .map(ApiTokenDocument::toToken);
    }

    @Override
    public Flux<ApiToken> findAll() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "issuedAt")), ApiTokenDocument.class)
                .map(ApiTokenDocument::toToken);
    }

    @Override
    public Flux<ApiToken> findByUser(UserId user) {
        return mongo.find(
                        Query.query(Criteria.where("userId").is(user.value()))
                                .with(Sort.by(Sort.Direction.DESC, "issuedAt")),
                        ApiTokenDocument.class)
                .map(ApiTokenDocument::toToken);
    }

    @Override
    public Mono<ApiToken> insert(ApiToken token) {
        return mongo.insert(ApiTokenDocument.from(token)).map(ApiTokenDocument::toToken);
    }

    @Override
    public Mono<ApiToken> update(ApiToken token) {
        return mongo.save(ApiTokenDocument.from(token)).map(ApiTokenDocument::toToken);
    }
}
