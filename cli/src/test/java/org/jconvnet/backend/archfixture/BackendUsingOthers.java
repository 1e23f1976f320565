package org.jconvnet.backend.archfixture;

import jcuda.driver.JCudaDriver;
import org.bytedeco.javacpp.Loader;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.jconvnet.layers.net.NetCatalog;
import org.jocl.CL;

/** Test fixture: a "backend" that uses another backend, the layers, JOCL, JCuda and JavaCPP (OpenBLAS's binding). */
public final class BackendUsingOthers {
    /** The forbidden dependencies, referenced but never run. */
    public static Object[] offences() {
        return new Object[] {new CpuBackendProvider(), NetCatalog.names(), CL.class, JCudaDriver.class, Loader.class};
    }
}
