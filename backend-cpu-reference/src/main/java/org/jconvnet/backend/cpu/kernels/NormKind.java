package org.jconvnet.backend.cpu.kernels;

/** The three normalisation contracts, which differ only in their neighbourhood and cnorm's mean. */
enum NormKind {
    /** Across maps (cuda-convnet.md §3.7). */
    CMRNORM("cmrnorm"),
    /** Within a map, spatial window (cuda-convnet.md §3.6). */
    RNORM("rnorm"),
    /** Within a map, of the deviations from the local mean (cuda-convnet.md §3.8). */
    CNORM("cnorm");

    private final String layerType;

    NormKind(String layerType) {
        this.layerType = layerType;
    }

    /** The kernel key's layer type. */
    String layerType() {
        return layerType;
    }
}
