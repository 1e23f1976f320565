package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import org.jconvnet.api.JConvNetException;

/**
 * Loads the shipped kernel modules on first use and caches modules and functions. The fatbin is
 * tried first (native SASS on sm_80/sm_90, no JIT); if the driver refuses it, the PTX is
 * JIT-compiled. Setting {@code cuda.image=ptx} forces the PTX, and {@code cuda.ptxIsa=7.8}
 * (for example) loads the PTX with its {@code .version} line rewritten for an older driver.
 */
final class CudaModuleCache implements AutoCloseable {
    private final CudaContext context;
    private final KernelImages images;
    private final String imageChoice;
    private final String ptxIsa;
    private final Map<String, CUmodule> modules = new HashMap<>();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final Map<String, String> loadedAs = new HashMap<>();

    /**
     * @param imageChoice {@code auto}, {@code fatbin} or {@code ptx}
     * @param ptxIsa      PTX ISA to rewrite the {@code .version} line to, or {@code null}
     */
    CudaModuleCache(CudaContext context, KernelImages images, String imageChoice, String ptxIsa) {
        this.context = context;
        this.images = images;
        this.imageChoice = imageChoice;
        this.ptxIsa = ptxIsa;
        if (!imageChoice.equals("auto") && !imageChoice.equals("fatbin") && !imageChoice.equals("ptx")) {
            throw new JConvNetException("setting cuda.image='" + imageChoice + "' must be auto, fatbin or ptx");
        }
    }

    /** The function for an entry point, loading its module on first use. */
    synchronized CUfunction function(String entry) {
        CUfunction f = functions.get(entry);
        if (f != null) {
            return f;
        }
        String module = images.moduleOf(entry);
        CUmodule m = modules.computeIfAbsent(module, this::load);
        f = new CUfunction();
        context.makeCurrent();
        try {
            cuModuleGetFunction(f, m, entry);
        } catch (RuntimeException e) {
            throw new JConvNetException("cuda module '" + module + "' (" + loadedAs.get(module)
                    + ") has no function '" + entry + "': " + e.getMessage(), e);
        }
        functions.put(entry, f);
        return f;
    }

    /**
     * A function of plugin-supplied device code (PTX text, cubin or fatbin), loaded once per
     * distinct content. PTX gets the NUL terminator {@code cuModuleLoadData} needs.
     */
    synchronized CUfunction externalFunction(String programName, byte[] code, String entry) {
        String key = "external:" + programName + ":" + sha256(code);
        CUmodule m = modules.get(key);
        context.makeCurrent();
        if (m == null) {
            m = new CUmodule();
            try {
                cuModuleLoadData(m, isBinary(code) ? code : withNul(code));
            } catch (RuntimeException e) {
                throw new JConvNetException("cannot load cuda device code of program '" + programName + "': "
                        + e.getMessage() + " (PTX ISA must be supported by the driver)", e);
            }
            modules.put(key, m);
            loadedAs.put(key, isBinary(code) ? "binary" : "ptx (JIT)");
        }
        CUfunction f = new CUfunction();
        try {
            cuModuleGetFunction(f, m, entry);
        } catch (RuntimeException e) {
            throw new JConvNetException("cuda program '" + programName + "' has no entry point '" + entry + "': "
                    + e.getMessage(), e);
        }
        return f;
    }

    /** ELF (cubin) or fatbin magic; anything else is taken as PTX text. */
    static boolean isBinary(byte[] code) {
        boolean elf = code.length >= 4 && code[0] == 0x7f && code[1] == 'E' && code[2] == 'L' && code[3] == 'F';
        boolean fatbin = code.length >= 4 && (code[0] & 0xff) == 0x50 && (code[1] & 0xff) == 0xed
                && (code[2] & 0xff) == 0x55 && (code[3] & 0xff) == 0xba;
        return elf || fatbin;
    }

    private static byte[] withNul(byte[] code) {
        if (code.length > 0 && code[code.length - 1] == 0) {
            return code;
        }
        byte[] out = java.util.Arrays.copyOf(code, code.length + 1);
        out[code.length] = 0;
        return out;
    }

    private static String sha256(byte[] code) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(code));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CUmodule load(String module) {
        context.makeCurrent();
        String fatbinError = null;
        boolean wantFatbin = ptxIsa == null && !imageChoice.equals("ptx");
        if (wantFatbin) {
            Optional<byte[]> fatbin = images.fatbin(module);
            if (fatbin.isPresent()) {
                CUmodule m = new CUmodule();
                try {
                    cuModuleLoadData(m, fatbin.get());
                    loadedAs.put(module, "fatbin");
                    return m;
                } catch (RuntimeException e) {
                    fatbinError = e.getMessage();
                }
            } else {
                fatbinError = "no " + module + ".fatbin shipped";
            }
            if (imageChoice.equals("fatbin")) {
                throw new JConvNetException("cannot load cuda module '" + module + "' from its fatbin: " + fatbinError);
            }
        }
        String ptx = images.ptx(module);
        String version = KernelImages.ptxVersion(ptx);
        if (ptxIsa != null) {
            ptx = KernelImages.withPtxVersion(ptx, ptxIsa);
        }
        byte[] text = (ptx + '\0').getBytes(StandardCharsets.US_ASCII);
        CUmodule m = new CUmodule();
        try {
            cuModuleLoadData(m, text);
        } catch (RuntimeException e) {
            throw new JConvNetException("cannot load cuda module '" + module + "': the driver refused its PTX (ISA "
                    + (ptxIsa != null ? ptxIsa + ", rewritten from " + version : version) + "): " + e.getMessage()
                    + (fatbinError == null ? "" : "; fatbin also failed: " + fatbinError)
                    + " (PTX ISA 9.0 needs driver >= 580 / CUDA 13.0; see backend-cuda/README.md)", e);
        }
        loadedAs.put(module, "ptx " + (ptxIsa != null ? ptxIsa : version) + " (JIT)");
        return m;
    }

    @Override
    public synchronized void close() {
        for (CUmodule m : modules.values()) {
            try {
                context.makeCurrent();
                cuModuleUnload(m);
            } catch (RuntimeException e) {
                // The context is going away with the backend; nothing more to release.
            }
        }
        modules.clear();
        functions.clear();
    }
}
