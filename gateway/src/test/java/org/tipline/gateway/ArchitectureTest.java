package org.tipline.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of docs/adr/0004-modules-and-layers.md, as rules: feature units (each top-level package, each
 * {@code platform.<part>}) in no cycle; layers from the platform leaves through the kernel and the features to the
 * HTTP adapter, never upwards; the audit written only through its port; delivery never reading reports. The rules are
 * also run on a small fixture with a cycle and an upward dependency, to show they can fail.
 */
class ArchitectureTest {

    private static final String ROOT = "org.tipline.gateway";
    private static JavaClasses gateway;

    @BeforeAll
    static void importTheGateway() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featureUnitsFormNoCycle() {
        cycleFree(ROOT).check(gateway);
    }

    @Test
    void noLayerDependsOnAHigherOne() {
        layers(ROOT).check(gateway);
    }

    @Test
    void onlyTheAuditFeatureTouchesItsInternals() {
        // Given
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".audit..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".audit..")
                .because("features write the audit trail through its port, org.tipline.gateway.trail");
        // Then
        rule.check(gateway);
    }

    @Test
    void deliveryReachesReportContentOnlyThroughItsPort() {
        noClasses().that().resideInAPackage(ROOT + ".delivery..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".report..")
                .because("report depends on delivery, never the reverse (MessageContents is the port)")
                .check(gateway);
    }

    @Test
    void aFeatureImportsOnlyTheFeaturesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("evidence").definedBy(ROOT + ".evidence..")
                .layer("intake").definedBy(ROOT + ".intake..")
                .layer("report").definedBy(ROOT + ".report..")
                .layer("delivery").definedBy(ROOT + ".delivery..")
                .layer("security").definedBy(ROOT + ".security..")
                .layer("routing").definedBy(ROOT + ".routing..")
                .layer("trail").definedBy(ROOT + ".trail..")
                .layer("audit").definedBy(ROOT + ".audit..")
                .whereLayer("evidence").mayOnlyAccessLayers("intake", "report", "delivery", "security", "routing",
                        "trail")
                .whereLayer("intake").mayOnlyAccessLayers("report", "delivery", "security", "routing", "trail")
                .whereLayer("report").mayOnlyAccessLayers("delivery", "security", "routing", "trail")
                .whereLayer("delivery").mayOnlyAccessLayers("security", "routing", "trail")
                .whereLayer("security").mayOnlyAccessLayers("routing", "trail")
                .whereLayer("routing").mayNotAccessAnyLayer()
                .whereLayer("trail").mayNotAccessAnyLayer()
                .whereLayer("audit").mayOnlyAccessLayers("security", "trail")
                .check(gateway);
    }

    @Test
    void thePortsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(ROOT + ".kernel..", ROOT + ".trail..").should()
                .dependOnClassesThat().resideInAnyPackage(FEATURES).check(gateway);
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        // Given
        Path sources = Path.of(System.getProperty("tipline.root", "..")).resolve("gateway/src/main/java");
        // When
        List<Path> undocumented;
        try (Stream<Path> files = Files.walk(sources)) {
            undocumented = files.filter(file -> file.toString().endsWith(".java")).map(Path::getParent).distinct()
                    .filter(folder -> !Files.exists(folder.resolve("package-info.java"))).toList();
        }
        // Then
        assertThat(undocumented).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void theRulesCatchACycleAndAnUpwardDependency() {
        // Given: a fixture whose 'alpha' and 'beta' import each other and whose platform leaf imports a feature
        String fixture = "org.tipline.archfixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixture);
        // Then
        assertThat(cycleFree(fixture).evaluate(classes).hasViolation()).isTrue();
        assertThat(layers(fixture).evaluate(classes).hasViolation()).isTrue();
    }

    private static final String[] FEATURES = {ROOT + ".audit..", ROOT + ".delivery..", ROOT + ".evidence..",
            ROOT + ".intake..", ROOT + ".report..", ROOT + ".routing..", ROOT + ".security.."};

    /** Each top-level package is a unit, and each part of {@code platform} on its own. */
    static ArchRule cycleFree(String root) {
        return slices().assignedFrom(featureUnits(root)).should().beFreeOfCycles();
    }

    /** Platform parts are leaves; the kernel needs nothing; features sit on both; the HTTP adapter on the features. */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Bootstrap").definedBy(DescribedPredicate.describe("the root package " + root,
                        javaClass -> javaClass.getPackageName().equals(root)))
                .layer("Adapter").definedBy(root + ".http..")
                .layer("Features").definedBy(root + ".audit..", root + ".delivery..", root + ".evidence..",
                        root + ".intake..", root + ".report..", root + ".routing..", root + ".security..",
                        root + ".trail..", root + ".alpha..", root + ".beta..")
                .layer("Kernel").definedBy(root + ".kernel..")
                .layer("Platform").definedBy(root + ".platform..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Adapter").mayOnlyAccessLayers("Features", "Kernel", "Platform")
                .whereLayer("Features").mayOnlyAccessLayers("Kernel", "Platform")
                .whereLayer("Kernel").mayNotAccessAnyLayer()
                .whereLayer("Platform").mayNotAccessAnyLayer();
    }

    private static SliceAssignment featureUnits(String root) {
        return new SliceAssignment() {

            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(root.length() + 1).split("\\.");
                return SliceIdentifier.of(parts[0].equals("platform") && parts.length > 1
                        ? "platform." + parts[1]
                        : parts[0]);
            }

            @Override
            public String getDescription() {
                return "feature units of " + root;
            }
        };
    }
}
