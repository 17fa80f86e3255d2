package org.gfe.knime.core.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.junit.jupiter.api.Test;

/** Initialisation, construction, forward and storage of the MLP decoder. */
class MlpDecoderTest {

    private static final DecoderSpec SMALL = new DecoderSpec(3, new int[] {5, 4}, Activation.ELU, 6);

    @Test
    void mnistInitialisationFollowsPyTorchsDefaultBounds() {
        try (MlpDecoder decoder = MlpDecoder.initialise(DecoderSpec.mnist(), 2020, DataType.FLOAT32)) {
            List<double[]> values = decoder.parameterValues();
            int[] sizes = DecoderSpec.mnist().layerSizes();
            assertEquals(8, values.size());
            assertEquals(700_234, values.stream().mapToInt(v -> v.length).sum());
            for (int k = 0; k < 4; k++) {
                double bound = 1 / Math.sqrt(sizes[k]);
                double[] w = values.get(2 * k);
                double[] b = values.get(2 * k + 1);
                assertEquals(sizes[k + 1] * sizes[k], w.length);
                assertEquals(sizes[k + 1], b.length);
                for (double[] array : List.of(w, b)) {
                    for (double value : array) {
                        assertTrue(Math.abs(value) <= bound * (1 + 1e-7), "layer " + k + ": " + value);
                    }
                }
                // U(-c, c): mean 0, variance c^2 / 3; the weight arrays hold 3,000 to 470,000 draws
                double mean = Arrays.stream(w).average().orElseThrow();
                double variance = Arrays.stream(w).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
                assertEquals(0, mean, 0.05 * bound, "mean of W" + (k + 1));
                assertEquals(bound * bound / 3, variance, 0.06 * bound * bound / 3, "variance of W" + (k + 1));
                double max = Arrays.stream(w).map(Math::abs).max().orElseThrow();
                assertTrue(max > 0.99 * bound, "W" + (k + 1) + " fills its interval: max " + max);
            }
        }
    }

    @Test
    void initialisationIsSeeded() {
        try (MlpDecoder one = MlpDecoder.initialise(SMALL, 7, DataType.FLOAT64);
                MlpDecoder two = MlpDecoder.initialise(SMALL, 7, DataType.FLOAT64);
                MlpDecoder other = MlpDecoder.initialise(SMALL, 8, DataType.FLOAT64);
                MlpDecoder single = MlpDecoder.initialise(SMALL, 7, DataType.FLOAT32)) {
            for (int k = 0; k < 6; k++) {
                assertArrayEquals(one.parameterValues().get(k), two.parameterValues().get(k));
                assertFalse(Arrays.equals(one.parameterValues().get(k), other.parameterValues().get(k)));
                double[] rounded = one.parameterValues().get(k).clone();
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = (float) rounded[i];
                }
                assertArrayEquals(rounded, single.parameterValues().get(k), "float32 holds the rounded draws");
            }
            assertEquals(DataType.FLOAT32, single.precision());
            assertEquals(SMALL, single.spec());
        }
    }

    @Test
    void forwardMatchesPlainJavaForEveryActivation() {
        double[][] inputs = {{0.3, -1.2, 0.8}, {-0.5, 0.1, 2.0}};
        for (Activation activation : Activation.values()) {
            DecoderSpec spec = new DecoderSpec(3, new int[] {5, 4}, activation, 6);
            try (MlpDecoder decoder = MlpDecoder.initialise(spec, 3, DataType.FLOAT64);
                    NDManager manager = DjlRuntime.newManager()) {
                NDArray input = BatchArrays.fromRows(manager, inputs, DataType.FLOAT64);
                NDArray output = decoder.forward(input);
                assertSame(manager, output.getManager(), "results belong to the caller's manager");
                double[][] rows = BatchArrays.toRows(output);
                for (int m = 0; m < inputs.length; m++) {
                    FiniteDifferences.assertClose(PlainMlp.forward(spec, decoder.parameterValues(), inputs[m]),
                            rows[m], 1e-12, activation + " row " + m);
                }
                assertArrayEquals(BatchArrays.toVector(output), BatchArrays.toVector(decoder.pass(input).output()),
                        "a pass computes the same forward");
            }
        }
    }

    @Test
    void float32InputsAreAcceptedByAFloat64DecoderAndViceVersa() {
        try (MlpDecoder decoder = MlpDecoder.initialise(SMALL, 3, DataType.FLOAT32);
                NDManager manager = DjlRuntime.newManager()) {
            NDArray output = decoder.forward(BatchArrays.fromRows(manager, new double[][] {{1, 2, 3}},
                    DataType.FLOAT64));
            assertEquals(DataType.FLOAT32, output.getDataType());
            IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                    () -> decoder.forward(manager.zeros(new ai.djl.ndarray.types.Shape(2, 4), DataType.FLOAT32)));
            assertTrue(wrongWidth.getMessage().contains("[rows, 3]"), wrongWidth.getMessage());
        }
    }

    @Test
    void ofTakesValuesAndRejectsWrongSizes() {
        List<double[]> values = new ArrayList<>();
        values.add(new double[15]);
        values.add(new double[5]);
        values.add(new double[20]);
        values.add(new double[4]);
        values.add(new double[24]);
        values.add(new double[] {1, 2, 3, 4, 5, 6});
        try (MlpDecoder decoder = MlpDecoder.of(SMALL, values, DataType.FLOAT64)) {
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, decoder.parameterValues().get(5));
            NDList live = decoder.parameters();
            assertEquals(6, live.size());
            assertArrayEquals(new long[] {5, 3}, live.get(0).getShape().getShape(), "W1 is [out, in]");
        }
        values.set(2, new double[19]);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> MlpDecoder.of(SMALL, values, DataType.FLOAT64));
        assertTrue(wrong.getMessage().contains("W2") && wrong.getMessage().contains("20"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MlpDecoder.of(SMALL, values.subList(0, 4), DataType.FLOAT64));
        assertThrows(IllegalArgumentException.class, () -> MlpDecoder.initialise(SMALL, 1, DataType.INT32));
    }

    @Test
    void writeAndReadRoundTripExactly() throws IOException {
        for (DataType precision : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            try (MlpDecoder decoder = MlpDecoder.initialise(SMALL, 11, precision)) {
                byte[] bytes = write(decoder);
                try (MlpDecoder back = MlpDecoder.read(input(bytes), precision);
                        MlpDecoder widened = MlpDecoder.read(input(bytes), DataType.FLOAT64)) {
                    assertEquals(decoder.spec(), back.spec());
                    assertEquals(precision, back.precision());
                    for (int k = 0; k < 6; k++) {
                        assertArrayEquals(decoder.parameterValues().get(k), back.parameterValues().get(k));
                        assertArrayEquals(decoder.parameterValues().get(k), widened.parameterValues().get(k));
                    }
                    assertArrayEquals(bytes, write(back), "writing what was read gives the same bytes");
                }
            }
        }
    }

    @Test
    void float32IsStoredInFourBytesPerValue() throws IOException {
        try (MlpDecoder single = MlpDecoder.initialise(SMALL, 1, DataType.FLOAT32);
                MlpDecoder dual = MlpDecoder.initialise(SMALL, 1, DataType.FLOAT64)) {
            assertEquals(4L * SMALL.parameterCount(), write(dual).length - write(single).length);
        }
    }

    @Test
    void aTruncatedStreamIsAnIoException() throws IOException {
        try (MlpDecoder decoder = MlpDecoder.initialise(SMALL, 11, DataType.FLOAT32)) {
            byte[] bytes = write(decoder);
            assertThrows(IOException.class,
                    () -> MlpDecoder.read(input(Arrays.copyOf(bytes, bytes.length - 3)), DataType.FLOAT32));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        MlpDecoder decoder = MlpDecoder.initialise(SMALL, 1, DataType.FLOAT32);
        decoder.close();
        decoder.close();
    }

    static byte[] write(MlpDecoder decoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        decoder.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
