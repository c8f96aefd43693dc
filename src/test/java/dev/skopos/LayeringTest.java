package dev.skopos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, enforced: a violation fails the build. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.skopos");
    }

    @Test
    void onlyTheLiveSourceTalksToFabric8() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.skopos.source.live..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .because("only source.live may talk to a cluster");
        rule.check(classes);
    }

    @Test
    void onlyTheTuiTouchesLanterna() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.skopos.tui..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .because("only the tui layer draws");
        rule.check(classes);
    }

    @Test
    void parsingAndAnalysisArePure() {
        ArchRule rule = noClasses().that().resideInAnyPackage(
                        "dev.skopos.envoy..", "dev.skopos.istiod..", "dev.skopos.analysis..", "dev.skopos.logs..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.skopos.mesh..", "dev.skopos.render..", "dev.skopos.tui..", "dev.skopos.cli..",
                        "dev.skopos.config..", "dev.skopos.source.live..", "dev.skopos.source.demo..",
                        "dev.skopos.source.snapshot..", "com.github.benmanes.caffeine..", "picocli..")
                .because("parsers take text and give records, nothing else");
        rule.check(classes);
    }

    @Test
    void domainAndRenderingDoNotReachUp() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.skopos.mesh..", "dev.skopos.render..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.skopos.tui..", "dev.skopos.cli..", "dev.skopos.config..",
                        "dev.skopos.source.live..", "dev.skopos.source.demo..", "dev.skopos.source.snapshot..")
                .because("views and commands depend on the domain, never the other way");
        rule.check(classes);
    }

    @Test
    void theDomainDoesNotDependOnRendering() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.skopos.mesh..")
                .should().dependOnClassesThat().resideInAPackage("dev.skopos.render..")
                .because("render turns the domain into text; the domain never needs text layout");
        rule.check(classes);
    }

    @Test
    void sourceImplementationsAreWiredOnlyByTheCli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(
                        "dev.skopos.cli..", "dev.skopos.source.live..", "dev.skopos.source.demo..",
                        "dev.skopos.source.snapshot..", "dev.skopos.source.multi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.skopos.source.live..", "dev.skopos.source.demo..", "dev.skopos.source.snapshot..",
                        "dev.skopos.source.multi..")
                .because("views work on any MeshSource: live, snapshot and demo are interchangeable");
        rule.check(classes);
    }

    @Test
    void severalClustersComposeSourcesWithoutKnowingAnyImplementation() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.skopos.source.multi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.skopos.source.live..", "dev.skopos.source.demo..", "dev.skopos.source.snapshot..",
                        "dev.skopos.tui..", "dev.skopos.cli..", "dev.skopos.render..", "dev.skopos.mesh..")
                .because("the composite routes calls between MeshSources of any kind");
        rule.check(classes);
    }

    @Test
    void theSourceContractDependsOnNoImplementationOrView() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.skopos.source")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.skopos.tui..", "dev.skopos.cli..", "dev.skopos.render..", "dev.skopos.mesh..")
                .because("the source interfaces are the bottom of the stack");
        rule.check(classes);
    }
}
