package dev.tango.session;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.support.idempotency.IdempotentIds;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** Keeps the domain free of adapters and the adapters free of each other. */
class SessionArchitectureTest {

    private static final String DOMAIN = "dev.tango.session";
    private static final String WEB = "dev.tango.session.web..";
    private static final String MONGO = "dev.tango.session.mongo..";
    private static final String KAFKA = "dev.tango.session.kafka..";

    // Only the service's own output folder: scanning every jar on the classpath for the package takes seconds.
    private static final JavaClasses classes = new ClassFileImporter()
            .importUrl(SessionServiceApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation());

    // The caller of a request is the one piece of the shared support the domain may know: a plain value (no framework
    // type in it) that the domain's access rules decide on.
    @Test
    void domainDependsOnNoAdapterNorOnWebStorageOrKafkaLibraries() {
        noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                WEB,
                                MONGO,
                                KAFKA,
                                "org.springframework.web..",
                                "org.springframework.http..",
                                "org.springframework.data..",
                                "org.springframework.kafka..",
                                "org.springframework.security..",
                                "com.mongodb..",
                                "org.bson..",
                                "org.apache.kafka..",
                                "dev.tango.support..")
                        // The caller, and the ids of a keyed request's changes (taken from the Reactor context, no
                        // adapter): a request run again after a crash finds its first run's result.
                        .and(not(belongToAnyOf(Caller.class, Role.class, IdempotentIds.class))))
                .check(classes);
    }

    @Test
    void accessRulesAreDecidedInTheDomainNotInControllers() {
        noClasses()
                .that()
                .resideInAPackage(WEB)
                .should()
                .callMethod(Caller.class, "isStudent", UserId.class)
                .orShould()
                .callMethod(Caller.class, "isMentorAmong", Collection.class)
                .orShould()
                .callMethod(Caller.class, "administers", ProgramId.class)
                .check(classes);
    }

    @Test
    void webDoesNotReachIntoStorageOrKafka() {
        noClasses()
                .that()
                .resideInAPackage(WEB)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(MONGO, KAFKA, "org.springframework.data..", "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void storageDoesNotKnowTheWebOrKafkaAdapters() {
        noClasses()
                .that()
                .resideInAPackage(MONGO)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB, KAFKA, "org.springframework.web..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void kafkaAdapterDoesNotKnowTheWebOrStorageAdapters() {
        noClasses()
                .that()
                .resideInAPackage(KAFKA)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB, MONGO, "org.springframework.web..", "org.springframework.data..")
                .check(classes);
    }
}
