package org.jconvnet.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.kernel.MissingKernelException;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors a plugin author meets, word for word, as docs/writing-a-layer-plugin.md quotes them:
 * two plugins claiming one {@code type=}, a plugin built against another API version, and a layer
 * with no kernel on the chosen backend. Plugins are found through real {@code META-INF/services}
 * files (written to a temporary folder), as in production.
 */
class PluginErrorMessagesTest {
    @TempDir
    Path dir;

    @Test
    void twoPluginsClaimingOneTypeAreRefusedNamingBoth() throws IOException {
        ClassLoader loader = withServices(LayerPlugin.class, PoolA.class, PoolB.class);
        JConvNetException e = assertThrows(JConvNetException.class, () -> LayerPluginRegistry.discover(loader));
        assertEquals("two layer plugins claim type 'mypool': " + PoolA.class.getName() + " and "
                + PoolB.class.getName() + "; remove one of them from the class path", e.getMessage());
    }

    @Test
    void aLayerPluginBuiltForAnotherApiVersionIsRefused() throws IOException {
        ClassLoader loader = withServices(LayerPlugin.class, FuturePlugin.class);
        JConvNetException e = assertThrows(JConvNetException.class, () -> LayerPluginRegistry.discover(loader));
        assertEquals("layer plugin " + FuturePlugin.class.getName() + " was compiled against jconvnet plugin API version "
                + (ApiVersion.CURRENT + 1) + ", but this jconvnet provides API version " + ApiVersion.CURRENT
                + "; rebuild the plugin against this jconvnet release", e.getMessage());
    }

    @Test
    void aKernelProviderBuiltForAnotherApiVersionIsRefused() throws IOException {
        ClassLoader loader = withServices(KernelProvider.class, FutureKernels.class);
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> KernelRegistry.discover(new FakeBackend("cpu"), loader));
        assertEquals("kernel provider " + FutureKernels.class.getName() + " was compiled against jconvnet plugin API version "
                + (ApiVersion.CURRENT + 1) + ", but this jconvnet provides API version " + ApiVersion.CURRENT
                + "; rebuild the plugin against this jconvnet release", e.getMessage());
    }

    @Test
    void aMissingKernelNamesLayerOpBackendAndTheBackendsThatHaveIt() throws IOException {
        ClassLoader loader = withServices(KernelProvider.class, CpuKernels.class, OpenClKernels.class);
        KernelRegistry cuda = KernelRegistry.discover(new FakeBackend("cuda"), loader);
        MissingKernelException e = assertThrows(MissingKernelException.class,
                () -> cuda.get(KernelKey.of("mypool", Ops.FORWARD, DType.FLOAT32)));
        assertEquals("no kernel for layer 'mypool' op 'forward' (float32) on backend 'cuda'; backends that have it:"
                + " cpu, opencl (jconvnet never falls back to another backend silently)", e.getMessage());

        MissingKernelException none = assertThrows(MissingKernelException.class,
                () -> cuda.get(KernelKey.of("mypool", Ops.BACKWARD_INPUT, DType.FLOAT32)));
        assertEquals("no kernel for layer 'mypool' op 'backward-input' (float32) on backend 'cuda'; no backend has it"
                + " (jconvnet never falls back to another backend silently)", none.getMessage());
    }

    @Test
    void twoProvidersOfOneKernelForOneBackendAreRefusedNamingBoth() throws IOException {
        ClassLoader loader = withServices(KernelProvider.class, CpuKernels.class, MoreCpuKernels.class);
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> KernelRegistry.discover(new FakeBackend("cpu"), loader));
        assertEquals("kernel mypool/forward/float32 for backend 'cpu' is provided twice: by "
                + CpuKernels.class.getName() + " and by " + MoreCpuKernels.class.getName(), e.getMessage());
    }

    /** A class loader that sees exactly these providers of {@code service}, via a services file. */
    private ClassLoader withServices(Class<?> service, Class<?>... providers) throws IOException {
        Path file = dir.resolve(service.getName());
        StringBuilder text = new StringBuilder();
        for (Class<?> p : providers) {
            text.append(p.getName()).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        URL url = file.toUri().toURL();
        String name = "META-INF/services/" + service.getName();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String resource) throws IOException {
                return resource.equals(name) ? Collections.enumeration(List.of(url)) : Collections.emptyEnumeration();
            }
        };
    }

    /** A layer plugin for {@code mypool} (configuration never happens in these tests). */
    public abstract static class TestPlugin implements LayerPlugin {
        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String type() {
            return "mypool";
        }

        @Override
        public Layer configure(LayerConfig config) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    /** The first plugin claiming {@code mypool}. */
    public static final class PoolA extends TestPlugin {
    }

    /** A second, different plugin claiming {@code mypool}. */
    public static final class PoolB extends TestPlugin {
    }

    /** What a plugin compiled against the next API version returns. */
    public static final class FuturePlugin extends TestPlugin {
        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT + 1;
        }
    }

    /** A kernel provider with one {@code mypool} forward kernel for a backend id. */
    public abstract static class TestKernels implements KernelProvider {
        private final String backend;

        TestKernels(String backend) {
            this.backend = backend;
        }

        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String backendId() {
            return backend;
        }

        @Override
        public Map<KernelKey, KernelFactory> kernels() {
            return Map.of(KernelKey.of("mypool", Ops.FORWARD, DType.FLOAT32), b -> args -> { });
        }
    }

    /** {@code mypool} forward on the CPU. */
    public static final class CpuKernels extends TestKernels {
        public CpuKernels() {
            super("cpu");
        }
    }

    /** The same key again on the CPU, from another provider. */
    public static final class MoreCpuKernels extends TestKernels {
        public MoreCpuKernels() {
            super("cpu");
        }
    }

    /** {@code mypool} forward on OpenCL. */
    public static final class OpenClKernels extends TestKernels {
        public OpenClKernels() {
            super("opencl");
        }
    }

    /** A kernel provider compiled against the next API version. */
    public static final class FutureKernels extends TestKernels {
        public FutureKernels() {
            super("cpu");
        }

        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT + 1;
        }
    }

    /** The least backend a kernel registry needs: an id. */
    private static final class FakeBackend implements Backend {
        private final String id;

        FakeBackend(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String deviceName() {
            return "test double";
        }

        @Override
        public Set<DType> supportedDTypes() {
            return Set.of(DType.FLOAT32);
        }

        @Override
        public Tensor allocate(int rows, int cols, DType dtype) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public KernelRegistry kernels() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public void synchronize() {
        }

        @Override
        public void close() {
        }
    }
}
