package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.jconvnet.api.archfixture.ApiUsingALogger;
import org.jconvnet.backend.archfixture.BackendUsingOthers;
import org.jconvnet.cli.archfixture.ContextClassLoaderUser;
import org.jconvnet.cli.archfixture.SparkModuleUser;
import org.jconvnet.layers.archfixture.LayerUsingABackend;
import org.junit.jupiter.api.Test;

/**
 * Each dependency rule rejects a class that breaks it: the fixtures (test classes, in the
 * packages the rules govern) commit one violation each, so a rule that silently matches nothing
 * fails here.
 */
class ArchitectureRulesSelfTest {

    private static void assertRejects(ArchRule rule, Class<?> offender, String expectedInMessage) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        AssertionError e = assertThrows(AssertionError.class, () -> rule.check(classes), rule.getDescription());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void apiRulesRejectALogger() {
        assertRejects(ArchitectureRules.API_DEPENDS_ON_JDK_ONLY, ApiUsingALogger.class, "org.slf4j.Logger");
        assertRejects(ArchitectureRules.API_USES_NO_MODULE_NOR_FRAMEWORK, ApiUsingALogger.class, "org.slf4j.Logger");
    }

    @Test
    void backendRulesRejectAnotherBackendTheLayersAndForeignNativeBindings() {
        assertRejects(ArchitectureRules.BACKENDS_INDEPENDENT, BackendUsingOthers.class, "CpuBackendProvider");
        assertRejects(ArchitectureRules.BACKENDS_DO_NOT_USE_LAYERS, BackendUsingOthers.class, "NetCatalog");
        assertRejects(ArchitectureRules.JOCL_ONLY_IN_OPENCL_BACKEND, BackendUsingOthers.class, "org.jocl.CL");
        assertRejects(ArchitectureRules.JCUDA_ONLY_IN_CUDA_BACKEND, BackendUsingOthers.class, "jcuda.driver.JCudaDriver");
        assertRejects(ArchitectureRules.OPENBLAS_ONLY_IN_CPU_BLAS_BACKEND, BackendUsingOthers.class,
                "org.bytedeco.javacpp.Loader");
    }

    @Test
    void contextClassLoaderRuleRejectsEveryWayOfReachingIt() {
        ArchRule rule = ArchitectureRules.NO_CONTEXT_CLASS_LOADER;
        assertRejects(rule, ContextClassLoaderUser.class, "Thread.getContextClassLoader()");
        assertRejects(rule, ContextClassLoaderUser.class, "Thread.setContextClassLoader(java.lang.ClassLoader)");
        assertRejects(rule, ContextClassLoaderUser.class, "ServiceLoader.load(java.lang.Class)");
    }

    @Test
    void layerRuleRejectsABackend() {
        assertRejects(ArchitectureRules.LAYERS_DO_NOT_USE_BACKENDS, LayerUsingABackend.class, "CpuBackendProvider");
    }

    @Test
    void sparkModuleRuleRejectsANamedReference() {
        assertRejects(ArchitectureRules.NOTHING_USES_THE_SPARK_MODULE, SparkModuleUser.class, "SparkTrainerProvider");
    }
}
