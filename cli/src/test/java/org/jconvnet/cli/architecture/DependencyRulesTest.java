package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md ({@link ArchitectureRules}), on the production classes of
 * every module: the API stays neutral, backends and layers stay apart, native bindings stay
 * inside their backend.
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
        assertTrue(all.contain("org.jconvnet.backend.blas.BlasBackendProvider"), "fast CPU backend classes imported");
        assertTrue(all.contain("org.jconvnet.layers.net.NetDefinition"), "layers classes imported");
        assertTrue(all.contain("org.jconvnet.cli.Main"), "cli classes imported");
        assertTrue(all.contain("org.jconvnet.spark.SparkTrainerProvider"), "spark module classes imported");
        assertTrue(all.stream().noneMatch(c -> c.getPackageName().contains("archfixture")),
                "test classes must not be imported");
    }

    @Test
    void apiDependsOnTheJdkOnly() {
        ArchitectureRules.API_DEPENDS_ON_JDK_ONLY.check(all);
    }

    @Test
    void apiUsesNoneOfOurOtherModulesNorTheFrameworks() {
        ArchitectureRules.API_USES_NO_MODULE_NOR_FRAMEWORK.check(all);
    }

    @Test
    void noBackendUsesAnotherBackend() {
        ArchitectureRules.BACKENDS_INDEPENDENT.check(all);
    }

    @Test
    void backendsDoNotUseLayers() {
        ArchitectureRules.BACKENDS_DO_NOT_USE_LAYERS.check(all);
    }

    @Test
    void layersDoNotUseBackends() {
        ArchitectureRules.LAYERS_DO_NOT_USE_BACKENDS.check(all);
    }

    @Test
    void jcudaOnlyInTheCudaBackend() {
        ArchitectureRules.JCUDA_ONLY_IN_CUDA_BACKEND.check(all);
    }

    @Test
    void noClassUsesTheContextClassLoader() {
        ArchitectureRules.NO_CONTEXT_CLASS_LOADER.check(all);
    }

    @Test
    void openBlasOnlyInTheFastCpuBackend() {
        ArchitectureRules.OPENBLAS_ONLY_IN_CPU_BLAS_BACKEND.check(all);
    }

    @Test
    void joclOnlyInTheOpenClBackend() {
        ArchitectureRules.JOCL_ONLY_IN_OPENCL_BACKEND.check(all);
    }

    @Test
    void sparkOnlyInTheSparkModule() {
        ArchitectureRules.SPARK_ONLY_IN_SPARK_MODULE.check(all);
    }

    @Test
    void nothingImportsTheSparkModule() {
        ArchitectureRules.NOTHING_USES_THE_SPARK_MODULE.check(all);
    }
}
