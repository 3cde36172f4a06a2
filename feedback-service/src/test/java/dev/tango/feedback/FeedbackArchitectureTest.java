package dev.tango.feedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.support.security.Caller;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class FeedbackArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tango.feedback");

    private static final String[] DOMAIN = {
        "dev.tango.feedback.dashboard",
        "dev.tango.feedback.insight",
        "dev.tango.feedback.comments",
        "dev.tango.feedback.selfassessment",
        "dev.tango.feedback.progress",
        "dev.tango.feedback.rebuild"
    };

    @Test
    void adaptersDependOnTheDomainAndNeverOnEachOther() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy(DOMAIN)
                .layer("Web")
                .definedBy("dev.tango.feedback.*.web..")
                .layer("Kafka")
                .definedBy("dev.tango.feedback.*.kafka..")
                .layer("Mongo")
                .definedBy("dev.tango.feedback.*.mongo..")
                .layer("Config")
                .definedBy("dev.tango.feedback.config..")
                .whereLayer("Web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Kafka")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Mongo")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Config")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Web", "Kafka", "Mongo", "Config")
                .check(classes);
    }

    @Test
    void domainKnowsNoHttpKafkaOrMongo() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..",
                        "org.springframework.data..",
                        "com.mongodb..",
                        "org.bson..")
                .check(classes);
    }

    @Test
    void accessRulesAreDecidedInTheDomainNotInControllers() {
        noClasses()
                .that()
                .resideInAPackage("dev.tango.feedback..web..")
                .should()
                .callMethod(Caller.class, "isStudent", UserId.class)
                .orShould()
                .callMethod(Caller.class, "isMentorAmong", Collection.class)
                .orShould()
                .callMethod(Caller.class, "administers", ProgramId.class)
                .check(classes);
    }
}
