package org.jconvnet.layers.conv;

import static org.jconvnet.layers.support.Cases.gaussian;
import static org.jconvnet.layers.support.Cases.learn;

import java.util.List;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.layers.support.Cases;

/** The conformance cases of conv: the seed's conv1 shapes and the awkward geometries. */
final class ConvCases {
    private ConvCases() {
    }

    static List<LayerCase> all() {
        return List.of(
                Cases.of("seed-conv1", "conv1", "type=conv\nchannels=3\nfilters=64\npadding=2\nstride=1\nfilterSize=5\n"
                        + "initW=0.01\ninitB=0.1\npartialSum=4\nsharedBiases=1\n", learn(1), List.of(gaussian(3 * 32 * 32)), 8, 101,
                        Cases.longSums(8 * 32 * 32)),
                Cases.of("seed-conv2-cropped", "conv2", "type=conv\nchannels=64\nfilters=64\npadding=2\nfilterSize=5\n"
                        + "initW=0.01\ninitB=0.1\n", learn(1), List.of(gaussian(64 * 12 * 12)), 2, 102),
                Cases.of("stride2-pad0-odd", "c", "type=conv\nchannels=3\nfilters=16\npadding=0\nstride=2\nfilterSize=4\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(3 * 15 * 15)), 3, 103),
                Cases.of("stride3-overhang", "c", "type=conv\nchannels=3\nfilters=8\npadding=1\nstride=3\nfilterSize=5\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(3 * 10 * 10)), 5, 104),
                Cases.of("groups2-batch1", "c", "type=conv\nchannels=16\nfilters=16\ngroups=2\npadding=1\nfilterSize=3\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(16 * 8 * 8)), 1, 105),
                Cases.of("unshared-biases", "c", "type=conv\nchannels=8\nfilters=16\npadding=1\nfilterSize=3\n"
                        + "sharedBiases=0\ninitW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(8 * 8 * 8)), 3, 106),
                Cases.of("channels5-filters7-odd", "c", "type=conv\nchannels=5\nfilters=7\npadding=0\nfilterSize=3\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(5 * 7 * 7)), 7, 107),
                Cases.of("groups3-channels6", "c", "type=conv\nchannels=6\nfilters=5\ngroups=3\npadding=2\nstride=2\nfilterSize=5\n"
                        + "initW=0.1\ninitB=0.1\n", learn(1), List.of(gaussian(6 * 9 * 9)), 2, 108),
                Cases.of("two-inputs", "c", "type=conv\nchannels=4,2\nfilters=8,8\npadding=1,0\nfilterSize=3,1\n"
                        + "initW=0.1,0.1\ninitB=0.1\n", learn(2), List.of(gaussian(4 * 6 * 6), gaussian(2 * 6 * 6)), 3, 109));
    }
}
