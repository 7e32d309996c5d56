package io.meridian.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture's rules, checked on the compiled classes of every module (shared/STYLE.md, "Layering"). */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meridian");
    }

    @Test
    void theClientLibraryHasNoJavaFx() {
        noClasses().that().resideInAnyPackage("io.meridian.client..", "io.meridian.model..", "io.meridian.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewsAndViewModelsSeeNeitherGrpcNorProtobuf() {
        noClasses().that().resideInAPackage("io.meridian.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..",
                        "io.meridian.api..", "io.meridian.client.grpc..")
                .because("the console works on the domain model and the Backend interface")
                .check(classes);
    }

    @Test
    void onlyTheAdapterPackageTouchesGeneratedClasses() {
        noClasses().that().resideInAnyPackage("io.meridian.model..", "io.meridian.client")
                .should().dependOnClassesThat().resideInAnyPackage("io.meridian.api..", "io.grpc..")
                .check(classes);
    }

    @Test
    void theServerCoreKnowsNoPlatform() {
        noClasses().that().resideInAPackage("io.meridian.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.meridian.sim..", "io.meridian.postgres..")
                .check(classes);
    }

    @Test
    void thePostgresPlatformKnowsNeitherTheSimulatorNorGrpc() {
        noClasses().that().resideInAPackage("io.meridian.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("io.meridian.sim..", "io.grpc..",
                        "io.meridian.api..")
                .check(classes);
    }

    @Test
    void aPlatformNeverSeesGrpc() {
        noClasses().that().resideInAPackage("io.meridian.server.platform..")
                .or().haveSimpleNameEndingWith("Platform").and().resideInAPackage("io.meridian.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.meridian.api..")
                .check(classes);
    }
}
