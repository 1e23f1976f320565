package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tensor/sgd, bias, eltsum, eltmax: hand-computed values in both dtypes. */
class ElementwiseKernelsTest {

    @ParameterizedTest
    @EnumSource(DType.class)
    void sgdFollowsSpecSection5_3(DType dtype) {
        Launch l = Launch.of(dtype).tensor("weights", 1, 2, new double[] {1, -2}).tensor("grad", 1, 2, new double[] {4, 8})
                .tensor("inc", 1, 2, new double[] {0.5, 0}).real("gradScale", 0.25).real("mom", 0.5).real("decay", 0.125)
                .run("tensor", Ops.SGD);
        // inc = 0.5*inc - 0.25*grad - 0.125*w
        double inc0 = 0.5 * 0.5 - 0.25 * 4 - 0.125 * 1;
        double inc1 = 0 - 0.25 * 8 - 0.125 * -2;
        assertExact(new double[] {inc0, inc1}, l.get("inc"), "inc");
        assertExact(new double[] {1 + inc0, -2 + inc1}, l.get("weights"), "weights += inc");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void biasAddsPerBlockAndSumsGradientsPerBlock(DType dtype) {
        // 4 rows, N=2, repeat 2: bias 0 for rows 0-1, bias 1 for rows 2-3
        double[] out = {1, 2, 3, 4, 5, 6, 7, 8};
        Launch l = Launch.of(dtype).integer("numCases", 2).integer("repeat", 2).tensor("output", 4, 2, out)
                .tensor("biases", 2, 1, new double[] {10, 100}).run("bias", Ops.FORWARD);
        assertExact(new double[] {11, 12, 13, 14, 105, 106, 107, 108}, l.get("output"), "forward");
        l.tensor("outputGrad", 4, 2, out).tensor("biasesGrad", 2, 1, new double[] {-9, -9}).run("bias", Ops.BACKWARD_WEIGHTS);
        assertExact(new double[] {1 + 2 + 3 + 4, 5 + 6 + 7 + 8}, l.get("biasesGrad"), "backward overwrites");
    }

    @Test
    void eltsumScalesAndAccumulates() {
        Launch l = Launch.of(DType.FLOAT64).integer("numCases", 1).real("coeff", 2).integer("accumulate", 0)
                .tensor("input", 2, 1, new double[] {1, 2}).tensor("output", 2, 1, new double[] {7, 7})
                .run("eltsum", Ops.FORWARD);
        assertExact(new double[] {2, 4}, l.get("output"), "first input overwrites");
        l.real("coeff", -1).integer("accumulate", 1).tensor("input", 2, 1, new double[] {5, 1}).run("eltsum", Ops.FORWARD);
        assertExact(new double[] {-3, 3}, l.get("output"), "later inputs add");
        l.tensor("outputGrad", 2, 1, new double[] {1, 2}).tensor("inputGrad", 2, 1, new double[] {1, 1})
                .run("eltsum", Ops.BACKWARD_INPUT);
        assertExact(new double[] {0, -1}, l.get("inputGrad"), "backward coeff * G added");
    }

    @Test
    void eltmaxKeepsTheMaximumAndRoutesGradientToEveryTie() {
        Launch l = Launch.of(DType.FLOAT64).integer("numCases", 1).integer("accumulate", 0)
                .tensor("input", 3, 1, new double[] {1, 5, 3}).zeros("output", 3, 1).run("eltmax", Ops.FORWARD)
                .integer("accumulate", 1).tensor("input", 3, 1, new double[] {2, 5, 0}).run("eltmax", Ops.FORWARD);
        assertExact(new double[] {2, 5, 3}, l.get("output"), "max");
        l.integer("accumulate", 0).tensor("outputGrad", 3, 1, new double[] {10, 20, 30}).zeros("inputGrad", 3, 1)
                .run("eltmax", Ops.BACKWARD_INPUT);
        assertExact(new double[] {10, 20, 0}, l.get("inputGrad"), "second input: ties included");
        assertEquals(3, l.get("output")[2], 0.0);
    }
}
