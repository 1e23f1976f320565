/**
 * jconvnet used as a library: {@link org.jconvnet.examples.embedding.EmbeddingExample} trains a
 * net from code, loads the checkpoint it wrote and classifies a PNG, through the facade
 * {@code org.jconvnet.train.facade.JConvNet} only; {@link org.jconvnet.examples.embedding.ShapePicture}
 * draws that PNG.
 */
package org.jconvnet.examples.embedding;
