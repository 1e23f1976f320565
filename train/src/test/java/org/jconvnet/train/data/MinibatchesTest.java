package org.jconvnet.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minibatches sliced ahead are exactly the batch's own slices, in order; failures reach the caller. */
class MinibatchesTest {
    private static CifarBatch batch(int n) {
        return CifarDataTest.randomBatch(1, n, 4);
    }

    @Test
    void slicesAheadAreTheBatchSlicesInOrder() {
        double[] mean = new double[CifarBatch.PIXELS];
        ServedBatch served = new CroppedCifarProvider(mean, 4).serve(batch(300), ServeMode.TRAIN, 9);
        List<Integer> starts = new ArrayList<>();
        for (Minibatches mbs = new Minibatches(served, 128); mbs.hasNext(); ) {
            Minibatches.Minibatch mb = mbs.next();
            starts.add(mb.start());
            var direct = served.slice(mb.start(), mb.numCases());
            assertArrayEquals(direct.get(0), mb.data().get(0), "images at " + mb.start());
            assertArrayEquals(direct.get(1), mb.data().get(1), "labels at " + mb.start());
        }
        assertEquals(List.of(0, 128, 256), starts);
        Minibatches range = new Minibatches(served, 50, 100, 180);
        assertEquals(50, range.next().numCases());
        Minibatches.Minibatch last = range.next();
        assertEquals(List.of(150, 30), List.of(last.start(), last.numCases()));
        assertFalse(range.hasNext());
        assertThrows(java.util.NoSuchElementException.class, range::next);
    }

    @Test
    void aFailureWhileSlicingAheadIsThrownByNext() {
        IllegalStateException boom = new IllegalStateException("column 7 is broken");
        ServedBatch broken = new ServedBatch(batch(10), 1, CifarBatch.PIXELS) {
            @Override
            protected void fillColumn(int view, int image, double[] out, int j, int n) {
                if (image == 7) {
                    throw boom;
                }
            }
        };
        Minibatches mbs = new Minibatches(broken, 4);
        mbs.next();
        assertSame(boom, assertThrows(IllegalStateException.class, mbs::next));
        assertThrows(IllegalArgumentException.class, () -> new Minibatches(broken, 0));
        assertThrows(IllegalArgumentException.class, () -> new Minibatches(broken, 4, 5, 11));
    }
}
