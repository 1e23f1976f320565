package org.jconvnet.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ServiceLoader;

/** The dependency rules of DESIGN.md as ArchUnit rules, shared by the real check and its self-test. */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** {@code api} depends on the JDK and itself only. */
    static final ArchRule API_DEPENDS_ON_JDK_ONLY = classes().that().resideInAPackage("org.jconvnet.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jconvnet.api..")
            .because("the API is the contract with third-party plugins (DESIGN.md)");

    /** Stated apart from the rule above so that a violation names the forbidden neighbour. */
    static final ArchRule API_USES_NO_MODULE_NOR_FRAMEWORK = noClasses().that().resideInAPackage("org.jconvnet.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jconvnet.backend..", "org.jconvnet.layers..", "org.jconvnet.train..",
                    "org.jconvnet.conformance..", "org.jconvnet.cli..", "org.jconvnet.kernels..",
                    "com.google.inject..", "jakarta.inject..", "javax.inject..", "jcuda..", "org.jocl..",
                    "picocli..", "org.slf4j..", "org.jconvnet.spark..", "org.apache.spark..");

    /** A backend never uses another backend. */
    static final ArchRule BACKENDS_INDEPENDENT = slices().matching("org.jconvnet.backend.(*)..")
            .should().notDependOnEachOther()
            .because("each backend is a separate plug-in (DESIGN.md)");

    /** A backend never uses the layers. */
    static final ArchRule BACKENDS_DO_NOT_USE_LAYERS = noClasses().that().resideInAPackage("org.jconvnet.backend..")
            .should().dependOnClassesThat().resideInAPackage("org.jconvnet.layers..")
            .because("kernels are keyed by layer type and op, never by layer class (DESIGN.md)");

    /** The layers never use a backend. */
    static final ArchRule LAYERS_DO_NOT_USE_BACKENDS = noClasses().that().resideInAPackage("org.jconvnet.layers..")
            .should().dependOnClassesThat().resideInAPackage("org.jconvnet.backend..")
            .because("a layer runs kernels through the API and never touches a backend class (DESIGN.md)");

    /** JCuda is used by the CUDA backend only. */
    static final ArchRule JCUDA_ONLY_IN_CUDA_BACKEND = noClasses().that().resideOutsideOfPackage("org.jconvnet.backend.cuda..")
            .should().dependOnClassesThat().resideInAPackage("jcuda..");

    /**
     * The plugin class loader is passed on openly ({@code BackendConfig}, the registries'
     * {@code discover} methods), never through the thread: no class reads or sets the context
     * class loader, nor calls the one-argument {@code ServiceLoader.load}, which reads it.
     */
    static final ArchRule NO_CONTEXT_CLASS_LOADER = noClasses()
            .should().callMethod(Thread.class, "getContextClassLoader")
            .orShould().callMethod(Thread.class, "setContextClassLoader", ClassLoader.class)
            .orShould().callMethod(ServiceLoader.class, "load", Class.class)
            .because("the plugin class loader is built once at start-up and passed on as an argument, "
                    + "so that what a command discovers does not depend on the thread it runs on");

    /**
     * OpenBLAS, oneDNN and JavaCPP ({@code org.bytedeco}) are used by the fast CPU backend only (and
     * OpenBLAS by the bench's host sgemm probe, which measures the same library's peak), so that
     * their natives stay out of everything else.
     */
    static final ArchRule OPENBLAS_ONLY_IN_CPU_BLAS_BACKEND = noClasses()
            .that().resideOutsideOfPackages("org.jconvnet.backend.blas..", "org.jconvnet.hostpeak..")
            .should().dependOnClassesThat().resideInAPackage("org.bytedeco..");

    /** JOCL is used by the OpenCL backend only. */
    static final ArchRule JOCL_ONLY_IN_OPENCL_BACKEND = noClasses().that().resideOutsideOfPackage("org.jconvnet.backend.opencl..")
            .should().dependOnClassesThat().resideInAPackage("org.jocl..");

    /**
     * Apache Spark (and the Scala library it brings) is used by the spark module only, so that the
     * single-machine path (train, cli, the GPU bundle) never needs it.
     */
    static final ArchRule SPARK_ONLY_IN_SPARK_MODULE = noClasses().that().resideOutsideOfPackage("org.jconvnet.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("distributed training sits on top of train; a single-machine installation has no Spark");

    /**
     * Nothing imports the spark module: the CLI reaches it only through the
     * {@code train.distributed.DistributedTrainerProvider} found by ServiceLoader.
     */
    static final ArchRule NOTHING_USES_THE_SPARK_MODULE = noClasses().that().resideOutsideOfPackage("org.jconvnet.spark..")
            .should().dependOnClassesThat().resideInAPackage("org.jconvnet.spark..")
            .because("the spark module is optional: found through ServiceLoader when its jar is on the class path");
}
