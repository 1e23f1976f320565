package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.opencl.OpenClBackend;

/** Kernels that work element by element over whole tensors: sgd, neuron, eltsum, eltmax, sum2's gradient. */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    /** tensor/sgd. */
    static Kernel sgd(OpenClBackend b) {
        b.launch("tensor.kc", "tensor_sgd");
        return args -> {
            Tensor w = args.tensor("weights");
            long n = w.size();
            b.launch("tensor.kc", "tensor_sgd").mem(w).mem(Shapes.tensor(args, "sgd", "grad", n))
                    .mem(Shapes.tensor(args, "sgd", "inc", n)).ints((int) n)
                    .reals(args.real("gradScale"), args.real("mom"), args.real("decay")).run(n);
        };
    }

    /** neuron/forward. */
    static Kernel neuronForward(OpenClBackend b) {
        b.launch("neuron.kc", "neuron_forward");
        return args -> {
            Tensor in = args.tensor("input");
            long n = in.size();
            b.launch("neuron.kc", "neuron_forward").mem(in).mem(Shapes.tensor(args, "neuron", "output", n))
                    .ints((int) n, args.integer("function")).reals(args.real("a"), args.real("b")).run(n);
        };
    }

    /** neuron/backward-input. */
    static Kernel neuronBackward(OpenClBackend b) {
        b.launch("neuron.kc", "neuron_backward_input");
        return args -> {
            Tensor in = args.tensor("input");
            long n = in.size();
            b.launch("neuron.kc", "neuron_backward_input").mem(in).mem(Shapes.tensor(args, "neuron", "output", n))
                    .mem(Shapes.tensor(args, "neuron", "outputGrad", n)).mem(Shapes.tensor(args, "neuron", "inputGrad", n))
                    .ints((int) n, args.integer("function")).reals(args.real("a"), args.real("b"))
                    .ints(args.integer("accumulate")).run(n);
        };
    }

    /** eltsum/forward (input to output) or eltsum/backward-input (outputGrad to inputGrad). */
    static Kernel scaledAdd(OpenClBackend b, String src, String dst) {
        b.launch("elt.kc", "elt_scaled_add");
        return args -> {
            Tensor s = args.tensor(src);
            long n = s.size();
            b.launch("elt.kc", "elt_scaled_add").mem(s).mem(Shapes.tensor(args, "eltsum", dst, n)).ints((int) n)
                    .reals(args.real("coeff")).ints(args.integer("accumulate")).run(n);
        };
    }

    /** eltmax/forward. */
    static Kernel eltmaxForward(OpenClBackend b) {
        b.launch("elt.kc", "eltmax_forward");
        return args -> {
            Tensor in = args.tensor("input");
            long n = in.size();
            b.launch("elt.kc", "eltmax_forward").mem(in).mem(Shapes.tensor(args, "eltmax", "output", n))
                    .ints((int) n, args.integer("accumulate")).run(n);
        };
    }

    /** eltmax/backward-input. */
    static Kernel eltmaxBackward(OpenClBackend b) {
        b.launch("elt.kc", "eltmax_backward_input");
        return args -> {
            Tensor in = args.tensor("input");
            long n = in.size();
            b.launch("elt.kc", "eltmax_backward_input").mem(in).mem(Shapes.tensor(args, "eltmax", "output", n))
                    .mem(Shapes.tensor(args, "eltmax", "outputGrad", n))
                    .mem(Shapes.tensor(args, "eltmax", "inputGrad", n))
                    .ints((int) n, args.integer("accumulate")).run(n);
        };
    }

    /** cost.sum2/backward-input. */
    static Kernel sum2Backward(OpenClBackend b) {
        b.launch("cost.kc", "sum2_backward_input");
        return args -> {
            Tensor in = args.tensor("input");
            long n = in.size();
            b.launch("cost.kc", "sum2_backward_input").mem(in).mem(Shapes.tensor(args, "cost.sum2", "inputGrad", n))
                    .ints((int) n).reals(args.real("coeff")).ints(args.integer("accumulate")).run(n);
        };
    }
}
