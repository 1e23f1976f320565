package org.jconvnet.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md, on the production classes of every module: the API stays
 * neutral, backends and layers stay apart, native bindings stay inside their backend.
 */
class DependencyRulesTest {
    private JavaClasses all;

    @BeforeEach
    void importClasses() {
        all = JConvNetClasses.get();
    }

    @Test
    void theImportSeesTheModules() {
        // Guards every rule below against passing on an empty or partial import.
        assertTrue(all.contain("org.jconvnet.api.backend.BackendProvider"), "api classes imported");
        assertTrue(all.contain("org.jconvnet.backend.cpu.CpuBackendProvider"), "CPU backend classes imported");
        assertTrue(all.contain("org.jconvnet.cli.Main"), "cli classes imported");
        assertTrue(all.stream().noneMatch(c -> c.getName().equals("org.jconvnet.cli.StartBackendCommand")),
                "test classes must not be imported");
    }

    @Test
    void apiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.jconvnet.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jconvnet.api..")
                .because("the API is the contract with third-party plugins (DESIGN.md)")
                .check(all);
    }

    @Test
    void apiUsesNoneOfOurOtherModulesNorTheFrameworks() {
        // Stated separately from the rule above so a violation names the forbidden neighbour.
        noClasses().that().resideInAPackage("org.jconvnet.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jconvnet.backend..", "org.jconvnet.layers..", "org.jconvnet.train..",
                        "org.jconvnet.conformance..", "org.jconvnet.cli..", "org.jconvnet.kernels..",
                        "com.google.inject..", "jakarta.inject..", "javax.inject..", "jcuda..", "org.jocl..",
                        "picocli..", "org.slf4j..")
                .check(all);
    }

    @Test
    void noBackendUsesAnotherBackend() {
        slices().matching("org.jconvnet.backend.(*)..").should().notDependOnEachOther()
                .because("each backend is a separate plug-in (DESIGN.md)")
                .check(all);
    }

    @Test
    void backendsDoNotUseLayers() {
        noClasses().that().resideInAPackage("org.jconvnet.backend..")
                .should().dependOnClassesThat().resideInAPackage("org.jconvnet.layers..")
                .because("kernels are keyed by layer type and op, never by layer class (DESIGN.md)")
                .check(all);
    }

    @Test
    void layersDoNotUseBackends() {
        noClasses().that().resideInAPackage("org.jconvnet.layers..")
                .should().dependOnClassesThat().resideInAPackage("org.jconvnet.backend..")
                .because("a layer runs kernels through the API and never touches a backend class (DESIGN.md)")
                .allowEmptyShould(true)
                .check(all);
    }

    @Test
    void jcudaOnlyInTheCudaBackend() {
        noClasses().that().resideOutsideOfPackage("org.jconvnet.backend.cuda..")
                .should().dependOnClassesThat().resideInAPackage("jcuda..")
                .check(all);
    }

    @Test
    void joclOnlyInTheOpenClBackend() {
        noClasses().that().resideOutsideOfPackage("org.jconvnet.backend.opencl..")
                .should().dependOnClassesThat().resideInAPackage("org.jocl..")
                .check(all);
    }
}
