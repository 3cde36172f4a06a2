package dev.tango.scoring;

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

class ScoringArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tango.scoring");

    @Test
    void adaptersDependOnTheDomainAndNeverOnEachOther() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy("dev.tango.scoring.timeline")
                .layer("Web")
                .definedBy("dev.tango.scoring.timeline.web..")
                .layer("Kafka")
                .definedBy("dev.tango.scoring.timeline.kafka..")
                .layer("Mongo")
                .definedBy("dev.tango.scoring.timeline.mongo..")
                .layer("Config")
                .definedBy("dev.tango.scoring.config..")
                .whereLayer("Web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Kafka")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Mongo")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Config")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Web", "Kafka", "Mongo")
                .check(classes);
    }

    @Test
    void domainKnowsNoHttpKafkaOrMongo() {
        noClasses()
                .that()
                .resideInAPackage("dev.tango.scoring.timeline")
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
    void rubricAdaptersDependOnTheRubricDomainAndNeverOnEachOther() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy("dev.tango.scoring.rubric")
                .layer("Web")
                .definedBy("dev.tango.scoring.rubric.web..")
                .layer("Mongo")
                .definedBy("dev.tango.scoring.rubric.mongo..")
                .whereLayer("Web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Mongo")
                .mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void theRubricDomainKnowsNoHttpKafkaOrMongo() {
        noClasses()
                .that()
                .resideInAPackage("dev.tango.scoring.rubric")
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
                .resideInAPackage("dev.tango.scoring..web..")
                .should()
                .callMethod(Caller.class, "isStudent", UserId.class)
                .orShould()
                .callMethod(Caller.class, "isMentorAmong", Collection.class)
                .orShould()
                .callMethod(Caller.class, "administers", ProgramId.class)
                .check(classes);
    }
}
