package io.switchboard.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.switchboard.core", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    /**
     * Skips test classes. ArchUnit's own {@code DoNotIncludeTests} looks for
     * {@code /target/test-classes/}, which misses builds run with {@code -Dsb.build.dir=...}.
     */
    static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule core_uses_no_framework_or_pbx_library = noClasses()
            .that().resideInAPackage("io.switchboard.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.vertx..", "com.hazelcast..", "org.jooq..", "org.asteriskjava..",
                    "link.thingscloud..", "com.zaxxer..")
            .because("cti-core is the framework-free hexagon; see ARCHITECTURE.md");

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_libphonenumber = classes()
            .that().resideInAPackage("io.switchboard.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.switchboard.core..", "java..", "com.google.i18n.phonenumbers..")
            .because("ARCHITECTURE.md allows cti-core the JDK and a phone-number library, nothing else");

    @ArchTest
    static final ArchRule only_call_knows_libphonenumber = noClasses()
            .that().resideInAPackage("io.switchboard.core..")
            .and().doNotHaveFullyQualifiedName("io.switchboard.core.call.PhoneNumber")
            .should().dependOnClassesThat().resideInAPackage("com.google.i18n.phonenumbers..")
            .because("PhoneNumber is the one place numbers are parsed");

    @ArchTest
    static final ArchRule ports_are_interfaces_or_their_values = classes()
            .that().resideInAPackage("io.switchboard.core.port..")
            .and().haveSimpleNameNotEndingWith("Request")
            .and().areNotRecords()
            .and().areNotEnums()
            .and().areNotAssignableTo(RuntimeException.class)
            .should().beInterfaces()
            .because("a port is an interface, its values and the failure its stages complete with (PbxUnavailableException)");
}
