package org.jconvnet.layers.net;

import java.util.SplittableRandom;
import org.jconvnet.api.layer.PassMode;

/**
 * What changes between a {@link Net}'s passes besides the tensors: the pass mode of the running
 * pass and the generator of stochastic layers. The layers' runs, built once, read it here.
 */
final class PassState {
    private PassMode pass = PassMode.TRAIN;
    private SplittableRandom random = new SplittableRandom(0);

    PassMode pass() {
        return pass;
    }

    void pass(PassMode pass) {
        this.pass = pass;
    }

    SplittableRandom random() {
        return random;
    }

    /** Restarts the generator from {@code seed}, so a net's stochastic layers depend on its seed only. */
    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }
}
