package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.MatrixOrder;
import org.junit.jupiter.api.Test;

/** The shipped nets: wiring, cuda-convnet's start-up lines, and the shape tables of cuda-convnet.md §12. */
class NetDefinitionTest {

    @Test
    void seedInitMessagesLineByLine() {
        NetDefinition d = TestNets.shipped(NetCatalog.SEED, 32);
        assertEquals(List.of(
                "Initialized data layer 'data', producing 3072 outputs",
                "Initialized data layer 'labels', producing 1 outputs",
                "Initialized convolutional layer 'conv1', producing 32x32 64-channel output",
                "Initialized max-pooling layer 'pool1', producing 16x16 64-channel output",
                "Initialized cross-map response-normalization layer 'rnorm1', producing 16x16 64-channel output",
                "Initialized convolutional layer 'conv2', producing 16x16 64-channel output",
                "Initialized cross-map response-normalization layer 'rnorm2', producing 16x16 64-channel output",
                "Initialized max-pooling layer 'pool2', producing 8x8 64-channel output",
                "Initialized locally-connected layer 'local3', producing 8x8 64-channel output",
                "Initialized locally-connected layer 'local4', producing 8x8 32-channel output",
                "Initialized fully-connected layer 'fc10', producing 10 outputs",
                "Initialized softmax layer 'probs', producing 10 outputs",
                "Initialized logistic regression cost 'logprob'",
                "Initialized neuron layer 'conv1_neuron', producing 65536 outputs",
                "Initialized neuron layer 'conv2_neuron', producing 16384 outputs",
                "Initialized neuron layer 'local3_neuron', producing 4096 outputs",
                "Initialized neuron layer 'local4_neuron', producing 2048 outputs"), d.initMessages());
    }

    @Test
    void seedWiringAfterNeuronDetaching() {
        NetDefinition d = TestNets.shipped(NetCatalog.SEED, 32);
        List<String> order = d.layers().stream().map(Layer::name).toList();
        assertEquals(List.of("data", "labels", "conv1", "conv1_neuron", "pool1", "rnorm1", "conv2", "conv2_neuron",
                "rnorm2", "pool2", "local3", "local3_neuron", "local4", "local4_neuron", "fc10", "probs", "logprob"), order);
        assertEquals(List.of("conv1_neuron"), d.inputsOf("pool1"));
        assertEquals(List.of("conv1"), d.inputsOf("conv1_neuron"));
        assertEquals(List.of("conv2_neuron"), d.inputsOf("rnorm2"));
        assertEquals(List.of("local3_neuron"), d.inputsOf("local4"));
        assertEquals(List.of("local4_neuron"), d.inputsOf("fc10"));
        assertEquals(List.of("labels", "probs"), d.inputsOf("logprob"));
        assertEquals(List.of("conv1_neuron"), d.consumersOf("conv1"));
        assertEquals(List.of("logprob"), d.consumersOf("probs"));
        assertEquals("relu", d.layer("conv1_neuron").type().equals("neuron") ? "relu" : "?");
        assertTrue(d.layer("logprob").isCost());
        assertEquals(1, d.layer("logprob").absorbsBackwardOf());
    }

    @Test
    void neuronNameClashGetsSuffix() {
        NetDefinition d = TestNets.of("[data]\ntype=data\ndataIdx=0\n[a]\ntype=fc\ninputs=data\noutputs=3\nneuron=relu\n"
                + "[a_neuron]\ntype=neuron\ninputs=a\nneuron=abs\n[b]\ntype=fc\ninputs=a_neuron\noutputs=2\nneuron=tanh[1,2]\n",
                "[a]\nepsW=0\nepsB=0\nmomW=0\nmomB=0\n[b]\nepsW=0\nepsB=0\nmomW=0\nmomB=0\n", 4);
        assertEquals(List.of("data", "a", "a_neuron.1", "a_neuron", "b", "b_neuron"),
                d.layers().stream().map(Layer::name).toList());
        // a_neuron named a in its inputs, so it is rewired to the detached a_neuron.1.
        assertEquals(List.of("a_neuron.1"), d.inputsOf("a_neuron"));
        assertEquals(List.of("a_neuron"), d.inputsOf("b"));
        assertEquals("Initialized neuron layer 'a_neuron.1', producing 3 outputs", d.initMessages().get(4));
    }

    @Test
    void costLayerDropsNeuronKey() {
        NetDefinition d = TestNets.strict("[x]\ntype=data\ndataIdx=0\n[c]\ntype=cost.sum2\ninputs=x\nneuron=relu\n",
                "[c]\ncoeff=1\n", 3);
        assertEquals(List.of("x", "c"), d.layers().stream().map(Layer::name).toList());
    }

    record Row(String layer, int outputs, int wRows, int wCols, int biases) {
    }

    private static void checkTable(NetDefinition d, List<Row> rows, long totalParams) {
        long total = 0;
        for (Layer l : d.layers()) {
            for (ParamSpec p : l.params()) {
                total += p.size();
            }
        }
        for (Row r : rows) {
            Layer l = d.layer(r.layer());
            assertEquals(r.outputs(), l.outputs(), r.layer() + " outputs");
            if (r.wRows() > 0) {
                ParamSpec w = l.params().get(0);
                assertEquals(List.of(r.wRows(), r.wCols()), List.of(w.rows(), w.cols()), r.layer() + " weights");
                assertEquals(l.type().equals("fc") ? MatrixOrder.FORTRAN : MatrixOrder.C, w.order(), r.layer());
                assertEquals(r.biases(), l.params().get(1).size(), r.layer() + " biases");
            }
        }
        assertEquals(totalParams, total, "total params");
    }

    @Test
    void table18pct() {
        checkTable(TestNets.shipped("layers-18pct", 32), List.of(
                new Row("conv1", 32768, 75, 32, 32), new Row("pool1", 8192, 0, 0, 0), new Row("rnorm1", 8192, 0, 0, 0),
                new Row("conv2", 8192, 800, 32, 32), new Row("pool2", 2048, 0, 0, 0), new Row("rnorm2", 2048, 0, 0, 0),
                new Row("conv3", 4096, 800, 64, 64), new Row("pool3", 1024, 0, 0, 0), new Row("fc10", 10, 1024, 10, 10)),
                89578);
    }

    @Test
    void table11pctCropped() {
        checkTable(TestNets.shipped("layers-conv-local-11pct", 24), List.of(
                new Row("conv1", 36864, 75, 64, 64), new Row("pool1", 9216, 0, 0, 0), new Row("rnorm1", 9216, 0, 0, 0),
                new Row("conv2", 9216, 1600, 64, 64), new Row("rnorm2", 9216, 0, 0, 0), new Row("pool2", 2304, 0, 0, 0),
                new Row("local3", 2304, 20736, 64, 2304), new Row("local4", 1152, 20736, 32, 1152),
                new Row("fc10", 10, 1152, 10, 10)), 2112970);
    }

    @Test
    void table11pctOn32() {
        checkTable(TestNets.shipped("layers-conv-local-11pct.cfg", 32), List.of(
                new Row("conv1", 65536, 75, 64, 64), new Row("pool1", 16384, 0, 0, 0), new Row("rnorm1", 16384, 0, 0, 0),
                new Row("conv2", 16384, 1600, 64, 64), new Row("rnorm2", 16384, 0, 0, 0), new Row("pool2", 4096, 0, 0, 0),
                new Row("local3", 4096, 36864, 64, 4096), new Row("local4", 2048, 36864, 32, 2048),
                new Row("fc10", 10, 2048, 10, 10)), 3672906);
    }

    @Test
    void table13pct() {
        checkTable(TestNets.shipped("layers-conv-local-13pct", 24), List.of(
                new Row("conv1", 36864, 75, 64, 64), new Row("pool1", 9216, 0, 0, 0),
                new Row("conv2", 9216, 1600, 64, 64), new Row("pool2", 2304, 0, 0, 0),
                new Row("local3", 1152, 20736, 32, 1152), new Row("local4", 1152, 10368, 32, 1152),
                new Row("fc10", 10, 1152, 10, 10)), 1116490);
    }

    @Test
    void learningParamsFromParamsFile() {
        NetDefinition d = TestNets.shipped("layers-18pct", 32);
        ParamSpec w = d.layer("fc10").params().get(0);
        assertEquals(0.001, w.learning().eps().base());
        assertEquals(0.9, w.learning().mom());
        assertEquals(1.0, w.learning().wc());
        assertEquals(0.01, w.initStd());
        ParamSpec b = d.layer("fc10").params().get(1);
        assertEquals(0.002, b.learning().eps().base());
        assertEquals(0.0, b.learning().wc());
        assertEquals(0.0001, d.layer("conv1").params().get(0).initStd());
    }

    @Test
    void everyShippedNetLoadsAndNamesAreListed() {
        List<String> loaded = new ArrayList<>();
        for (String n : NetCatalog.names()) {
            loaded.add(TestNets.shipped(n, n.contains("18pct") ? 32 : 24).layerDef().name());
        }
        assertEquals(List.of("layers-conv-local-11pct.cfg", "layers-18pct.cfg", "layers-conv-local-13pct.cfg"), loaded);
    }
}
