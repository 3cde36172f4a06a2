package dev.tango.scoring.config;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Typed ids are stored as plain strings, so documents stay readable and {@code _id} lookups stay simple. */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(
                new SessionIdToString(),
                new StringToSessionId(),
                new UserIdToString(),
                new StringToUserId(),
                new ProgramIdToString(),
                new StringToProgramId()));
    }

    @WritingConverter
    static final class SessionIdToString implements Converter<SessionId, String> {
        @Override
        public String convert(SessionId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class StringToSessionId implements Converter<String, SessionId> {
        @Override
        public SessionId convert(String value) {
            return SessionId.of(value);
        }
    }

    @WritingConverter
    static final class UserIdToString implements Converter<UserId, String> {
        @Override
        public String convert(UserId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class StringToUserId implements Converter<String, UserId> {
        @Override
        public UserId convert(String value) {
            return UserId.of(value);
        }
    }

    @WritingConverter
    static final class ProgramIdToString implements Converter<ProgramId, String> {
        @Override
        public String convert(ProgramId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class StringToProgramId implements Converter<String, ProgramId> {
        @Override
        public ProgramId convert(String value) {
            return ProgramId.of(value);
        }
    }
}
