package org.jconvnet.train;

import org.jconvnet.api.JConvNetException;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.data.CroppedCifarProvider;
import org.jconvnet.train.data.ServeMode;

/** How a test batch of a run is evaluated, for training's tests and for {@code test}. */
final class BatchTesters {
    private BatchTesters() {
    }

    /**
     * Served as cuda-convnet's test crop, or with {@code multiview} as its 10 views whose softmax
     * outputs are averaged (cifar-cropped only).
     *
     * @throws JConvNetException when multiview is asked of a provider without crops
     */
    static Trainer.BatchTester of(ResolvedRun run, Net net, boolean multiview) {
        if (!multiview) {
            return b -> Evaluator.test(net, run.provider().serve(run.source().batch(b), ServeMode.TEST, 0), run.mini());
        }
        if (!(run.provider() instanceof CroppedCifarProvider)) {
            throw new JConvNetException("--multiview-test needs --data-provider=cifar-cropped (the 10 views are crops)");
        }
        return b -> Evaluator.multiview(net, run.def(), run.provider().serve(run.source().batch(b), ServeMode.MULTIVIEW, 0),
                run.mini(), run.options().logregName());
    }
}
