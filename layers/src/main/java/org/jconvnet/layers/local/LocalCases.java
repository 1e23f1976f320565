package org.jconvnet.layers.local;

import static org.jconvnet.layers.support.Cases.gaussian;
import static org.jconvnet.layers.support.Cases.learn;

import java.util.List;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.layers.support.Cases;

/** The conformance cases of local: the seed's local3/local4 shapes and the awkward geometries. */
final class LocalCases {
    private LocalCases() {
    }

    static List<LayerCase> all() {
        return List.of(
                Cases.of("seed-local3", "local3", "type=local\nchannels=64\nfilters=64\npadding=1\nstride=1\nfilterSize=3\n"
                        + "initW=0.04\ninitB=0.1\n", learn(1), List.of(gaussian(64 * 8 * 8)), 4, 201),
                Cases.of("seed-local4", "local4", "type=local\nchannels=64\nfilters=32\npadding=1\nfilterSize=3\n"
                        + "initW=0.04\ninitB=0.1\n", learn(1), List.of(gaussian(64 * 8 * 8)), 2, 202),
                Cases.of("stride2-pad0", "l", "type=local\nchannels=16\nfilters=16\npadding=0\nstride=2\nfilterSize=3\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(16 * 10 * 10)), 3, 203),
                Cases.of("channels3-odd-batch1", "l", "type=local\nchannels=3\nfilters=5\npadding=1\nfilterSize=3\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(3 * 5 * 5)), 1, 204),
                Cases.of("groups2-overhang", "l", "type=local\nchannels=8\nfilters=3\ngroups=2\npadding=1\nstride=2\nfilterSize=4\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(8 * 7 * 7)), 5, 205),
                Cases.of("two-inputs", "l", "type=local\nchannels=2,3\nfilters=4,4\npadding=0,1\nfilterSize=3,5\n"
                        + "initW=0.1,0.1\ninitB=0.1\n", learn(2), List.of(gaussian(2 * 6 * 6), gaussian(3 * 6 * 6)), 3, 206));
    }
}
