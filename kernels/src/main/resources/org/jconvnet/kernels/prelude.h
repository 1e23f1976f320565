/*
 * jconvnet portable kernel dialect: one source compiles as OpenCL C 1.2 (clBuildProgram with
 * -cl-std=CL1.2, this header prepended) and as CUDA C++ (nvcc -x cu -include prelude.h).
 *
 * Rules for kernel sources (*.kc):
 *  - use only the macros below for anything that differs between the two languages;
 *  - every pointer parameter carries GLOBAL (or LOCAL); local arrays are declared with
 *    SHARED_ARRAY at kernel-function scope, or sized by the launch: a parameter
 *    LOCAL_FLOATS(name), bound with BIND_LOCAL_FLOATS(name); at the top of the kernel body
 *    (the launch's DeviceLaunch local(...) argument gives its size, in floats per work-group);
 *  - float literals always carry the f suffix (0.5f): a bare 0.5 is double math;
 *  - indices are int; no long long, no vector types, no float atomics (kernels must be
 *    deterministic: every output element is produced by one work-item in a fixed order);
 *  - no early return before a BARRIER(); out-of-range work-items skip their store instead.
 */
#ifndef JCONVNET_PRELUDE_H
#define JCONVNET_PRELUDE_H

#if defined(__CUDACC__)
  #define KERNEL        extern "C" __global__
  #define DEVICE_FN     static __device__ __forceinline__
  #define GLOBAL
  #define LOCAL
  #define SHARED_ARRAY  __shared__
  /* Launch-sized local memory is the launch's dynamic shared memory: the backend passes each
   * argument's offset into it, in floats, and BIND_LOCAL_FLOATS turns that into the pointer. */
  #define LOCAL_FLOATS(name)      int name##_local_offset
  #define BIND_LOCAL_FLOATS(name) \
      extern __shared__ float jconvnet_dynamic_local[]; float *name = jconvnet_dynamic_local + name##_local_offset
  #define RESTRICT      __restrict__
  #define GLOBAL_ID_X   ((int)(blockIdx.x * blockDim.x + threadIdx.x))
  #define GLOBAL_ID_Y   ((int)(blockIdx.y * blockDim.y + threadIdx.y))
  #define GLOBAL_ID_Z   ((int)(blockIdx.z * blockDim.z + threadIdx.z))
  #define LOCAL_ID_X    ((int)threadIdx.x)
  #define LOCAL_ID_Y    ((int)threadIdx.y)
  #define GROUP_ID_X    ((int)blockIdx.x)
  #define GROUP_ID_Y    ((int)blockIdx.y)
  #define GROUP_ID_Z    ((int)blockIdx.z)
  #define LOCAL_SIZE_X  ((int)blockDim.x)
  #define LOCAL_SIZE_Y  ((int)blockDim.y)
  #define BARRIER()     __syncthreads()
  #define FMAXF(a, b)   fmaxf((a), (b))
  #define FMINF(a, b)   fminf((a), (b))
  #define FABSF(a)      fabsf(a)
  #define EXPF(a)       expf(a)
  #define LOGF(a)       logf(a)
  #define TANHF(a)      tanhf(a)
  #define SQRTF(a)      sqrtf(a)
  #define POWF(a, b)    powf((a), (b))
#else /* OpenCL C 1.2 */
  #define KERNEL        __kernel
  #define DEVICE_FN     static inline __attribute__((always_inline))
  #define GLOBAL        __global
  #define LOCAL         __local
  #define SHARED_ARRAY  __local
  #define LOCAL_FLOATS(name)      __local float *name
  #define BIND_LOCAL_FLOATS(name) (void)(name)
  #define RESTRICT      restrict
  #define GLOBAL_ID_X   ((int)get_global_id(0))
  #define GLOBAL_ID_Y   ((int)get_global_id(1))
  #define GLOBAL_ID_Z   ((int)get_global_id(2))
  #define LOCAL_ID_X    ((int)get_local_id(0))
  #define LOCAL_ID_Y    ((int)get_local_id(1))
  #define GROUP_ID_X    ((int)get_group_id(0))
  #define GROUP_ID_Y    ((int)get_group_id(1))
  #define GROUP_ID_Z    ((int)get_group_id(2))
  #define LOCAL_SIZE_X  ((int)get_local_size(0))
  #define LOCAL_SIZE_Y  ((int)get_local_size(1))
  #define BARRIER()     barrier(CLK_LOCAL_MEM_FENCE)
  #define FMAXF(a, b)   fmax((float)(a), (float)(b))
  #define FMINF(a, b)   fmin((float)(a), (float)(b))
  #define FABSF(a)      fabs((float)(a))
  #define EXPF(a)       exp((float)(a))
  #define LOGF(a)       log((float)(a))
  #define TANHF(a)      tanh((float)(a))
  #define SQRTF(a)      sqrt((float)(a))
  #define POWF(a, b)    pow((float)(a), (float)(b))
#endif

/* Accumulate-or-overwrite store used by every kernel with an `accumulate` flag. */
#define STORE_ACC(dst, value, accumulate) \
    do { if (accumulate) { (dst) += (value); } else { (dst) = (value); } } while (0)

/* Integer helpers (plain C in both languages). */
#define IMIN(a, b)    ((a) < (b) ? (a) : (b))
#define IMAX(a, b)    ((a) > (b) ? (a) : (b))

/* floor(a / b) for b > 0 and any sign of a (C division truncates toward zero). */
DEVICE_FN int floor_div(int a, int b) {
    int q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Case chunks: kernels over activations let one work-item handle CASE_CHUNK consecutive cases
 * (contiguous in memory: SIMD on CPUs, few cache lines on GPUs) and amortise their index
 * arithmetic over them. When numCases >= CASE_CHUNK the last chunk is shifted back so that it is
 * full (it recomputes a few cases but stores only those it owns, from chunk * CASE_CHUNK on);
 * smaller batches clamp their loads to the last case. Work-items: rows * ceil(numCases / CASE_CHUNK). */
#define CASE_CHUNK 8

DEVICE_FN int chunk_first_case(int chunk, int numCases) {
    int n0 = chunk * CASE_CHUNK;
    return numCases >= CASE_CHUNK ? IMIN(n0, numCases - CASE_CHUNK) : n0;
}

/* The last valid offset inside a chunk starting at n0: a compile-time CASE_CHUNK - 1 on the fast path. */
DEVICE_FN int chunk_last(int n0, int numCases) {
    return IMIN(CASE_CHUNK, numCases - n0) - 1;
}

#endif /* JCONVNET_PRELUDE_H */
