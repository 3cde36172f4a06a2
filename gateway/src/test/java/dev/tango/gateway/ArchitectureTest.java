package dev.tango.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps features, their web and Mongo adapters, and the UI apart. */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tango.gateway");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.tango.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void domainCodeDoesNotDependOnItsAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.tango.gateway.user", "dev.tango.gateway.token")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..mongo..", "dev.tango.gateway.ui..")
                .check(GATEWAY);
    }

    @Test
    void onlyMongoAdaptersTouchMongo() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..mongo..", "dev.tango.gateway.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
                .check(GATEWAY);
    }

    @Test
    void webAdaptersDoNotUseMongoAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("..web..", "dev.tango.gateway.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..mongo..")
                .check(GATEWAY);
    }

    @Test
    void onlyTheUiRendersPages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.tango.gateway.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.thymeleaf..", "org.springframework.ui..")
                .check(GATEWAY);
    }

    @Test
    void nothingBlocksOutsideStartupCode() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.tango.gateway.demo..")
                .and()
                .doNotHaveSimpleName("MongoUsers")
                .and()
                .doNotHaveSimpleName("MongoApiTokens")
                .and()
                .doNotHaveSimpleName("BootstrapAdmin")
                .should()
                .callMethod(reactor.core.publisher.Mono.class, "block")
                .orShould()
                .callMethod(reactor.core.publisher.Mono.class, "block", java.time.Duration.class)
                .orShould()
                .callMethod(reactor.core.publisher.Flux.class, "blockFirst")
                .check(GATEWAY);
    }
}
