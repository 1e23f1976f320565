/**
 * Tests of the OpenCL backend: probe (here, and in a JVM without any ICD), kernel parity against
 * the float64 oracle for every key, determinism, and a device-free clang lint of the kernel sources.
 */
package org.jconvnet.backend.opencl;
