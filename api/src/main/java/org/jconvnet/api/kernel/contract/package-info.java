/**
 * The contracts of the built-in kernels, one class per family, one record per op: the typed
 * source of truth of what each kernel takes (layouts and formulas in each record's Javadoc; the
 * guide is {@code docs/kernel-contracts.md}).
 *
 * <p>Why records: a layer builds the call with a constructor, so a missing or misspelt argument is
 * a compile error; a kernel body (CPU reference, GPU launch plan) reads typed fields. Each op is
 * one {@link org.jconvnet.api.kernel.KernelOp} constant in {@link org.jconvnet.api.kernel.contract.KernelOps},
 * the one table pairing keys with record types: a record returns its constant, and a backend binds
 * a body to it.
 * Families share their geometry as a nested {@code Shape} record, which the layers build once at
 * configuration. Activations are {@code rows x numCases} (cuda-convnet's layout, case index
 * fastest); {@code accumulate} means "add to what the output holds" rather than overwrite.
 *
 * <p>A plugin defines its own op constants and records the same way (implement
 * {@link org.jconvnet.api.kernel.KernelCall}); nothing here needs to change for a new op.
 */
package org.jconvnet.api.kernel.contract;
