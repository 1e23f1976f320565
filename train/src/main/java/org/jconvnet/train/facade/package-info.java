/**
 * jconvnet as a library: {@link org.jconvnet.train.facade.JConvNet} is the one entry point.
 *
 * <pre>{@code
 * try (JConvNet net = JConvNet.load(checkpointDir).backend("cpu").open()) {
 *     float[] probs = net.predict(ImageInput.read(Path.of("cat.png")));
 *     List<ClassScore> top = net.top(probs, 3);
 * }
 * }</pre>
 *
 * <p>{@link org.jconvnet.train.facade.JConvNet#load} (a checkpoint) and
 * {@link org.jconvnet.train.facade.JConvNet#create} (a fresh net) return a
 * {@link org.jconvnet.train.facade.JConvNet.Loader}, which collects the choices (backend, plugin
 * folders, data set, minibatch size) and then either opens the net on a backend
 * ({@link org.jconvnet.train.facade.JConvNet.Loader#open()}) or trains it
 * ({@link org.jconvnet.train.facade.JConvNet.Loader#train(Training)}). An open
 * {@code JConvNet} predicts class probabilities, extracts a layer's features, tests a batch range
 * and exports its weights. The {@code jconvnet} command's {@code test}, {@code features} and
 * {@code predict} run through this package, so they and code that embeds jconvnet share one path.
 *
 * <p>Backend choice follows the command line's rules ({@link org.jconvnet.train.facade.BackendStarter}),
 * plugin folders are scanned as {@code --plugins} scans them ({@link org.jconvnet.train.facade.PluginJars}).
 */
package org.jconvnet.train.facade;
