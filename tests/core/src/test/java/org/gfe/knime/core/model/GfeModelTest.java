package org.gfe.knime.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.loss.LossKind;
import org.junit.jupiter.api.Test;

class GfeModelTest {

    private static final int COLUMNS = 7;
    private static final SolverSettings FAST = SolverSettings.defaults().toBuilder().integrator(IntegratorKind.RK4)
            .endTime(30).gridPoints(61).build();

    private static double[][] randomRows(int n, int columns, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][columns];
        for (double[] row : rows) {
            for (int p = 0; p < columns; p++) {
                row[p] = 10 * p + (p + 1) * random.nextGaussian();
            }
        }
        return rows;
    }

    private static List<String> names(int columns) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < columns; p++) {
            names.add("c" + p);
        }
        return names;
    }

    /** A small nonlinear float32 model with z-score normalisation and MSE. */
    private static GfeModel nonlinearModel() {
        MlpDecoder decoder = MlpDecoder.initialise(new DecoderSpec(3, new int[] {8, 5}, Activation.TANH, COLUMNS),
                42, DataType.FLOAT32);
        return new GfeModel(decoder, LossKind.MSE, Normalisation.fit(NormalisationKind.Z_SCORE,
                randomRows(40, COLUMNS, 1)), names(COLUMNS), FAST);
    }

    private static byte[] bytes(GfeModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        model.write(buffer);
        return buffer.toByteArray();
    }

    private static GfeModel read(byte[] bytes) throws IOException {
        return GfeModel.read(new ByteArrayInputStream(bytes));
    }

    private static double[][] codes(GfeModel model, double[][] rows) {
        long[] ids = new long[rows.length];
        Arrays.setAll(ids, m -> 1000 + m);
        List<EncodedRow> encoded = new LatentEncoder(model, FAST).encode(rows, ids, EncodingListener.NONE);
        return encoded.stream().map(EncodedRow::code).toArray(double[][]::new);
    }

    @Test
    void roundTripsThroughAStreamBitExactly() throws IOException {
        double[][] rows = randomRows(12, COLUMNS, 9);
        rows[3][2] = Double.NaN;
        try (GfeModel model = nonlinearModel(); GfeModel back = read(bytes(model))) {
            assertEquals(model.columnNames(), back.columnNames());
            assertEquals(model.loss(), back.loss());
            assertEquals(model.normalisation(), back.normalisation());
            assertEquals(model.solverSettings(), back.solverSettings());
            assertEquals(model.decoderSpec(), back.decoderSpec());
            assertEquals(DataType.FLOAT32, back.precision());
            List<double[]> before = model.parameterValues();
            List<double[]> after = back.parameterValues();
            assertEquals(before.size(), after.size());
            for (int k = 0; k < before.size(); k++) {
                assertArrayEquals(before.get(k), after.get(k), "parameter array " + k);
            }
            double[][] codes = codes(model, rows);
            double[][] codesBack = codes(back, rows);
            assertTrue(Arrays.deepEquals(codes, codesBack), "same codes from the read model");
            assertTrue(Arrays.deepEquals(model.reconstruct(codes), back.reconstruct(codes)),
                    "same reconstructions from the read model");
            assertArrayEquals(bytes(model), bytes(back), "writing the read model gives the same bytes");
        }
    }

    @Test
    void float64ModelsRoundTripToo() throws IOException {
        MlpDecoder decoder = MlpDecoder.initialise(new DecoderSpec(2, new int[] {4}, Activation.ELU, 3), 5,
                DataType.FLOAT64);
        try (GfeModel model = new GfeModel(decoder, LossKind.BCE_REFERENCE, Normalisation.none(3), names(3), FAST);
                GfeModel back = read(bytes(model))) {
            assertEquals(DataType.FLOAT64, back.precision());
            assertEquals(LossKind.BCE_REFERENCE, back.loss());
            double[][] codes = {{0.3, -1.2}, {2, 0.5}};
            assertTrue(Arrays.deepEquals(model.reconstruct(codes), back.reconstruct(codes)));
        }
    }

    @Test
    void readConsumesExactlyTheModelsBytes() throws IOException {
        try (GfeModel model = nonlinearModel()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            model.write(buffer);
            buffer.write(new byte[] {7, 8, 9});
            ByteArrayInputStream in = new ByteArrayInputStream(buffer.toByteArray());
            GfeModel.read(in).close();
            assertArrayEquals(new byte[] {7, 8, 9}, in.readAllBytes());
        }
    }

    @Test
    void aNewerFormatIsRefusedWithAClearMessage() throws IOException {
        byte[] stream;
        try (GfeModel model = nonlinearModel()) {
            stream = bytes(model);
        }
        ByteBuffer.wrap(stream).putInt(8, GfeModel.FORMAT_VERSION + 1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(stream));
        assertEquals("This model was written by a newer version (format " + (GfeModel.FORMAT_VERSION + 1) + ") of GFE"
                + " for KNIME than this one (format " + GfeModel.FORMAT_VERSION + "). Update the extension to read it.",
                e.getMessage());
    }

    @Test
    void aTruncatedStreamIsRefusedAtEveryLength() throws IOException {
        byte[] stream;
        try (GfeModel model = nonlinearModel()) {
            stream = bytes(model);
        }
        for (int length : new int[] {9, 12, 20, 30, stream.length / 2, stream.length - 8, stream.length - 1}) {
            byte[] cut = Arrays.copyOf(stream, length);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(cut), "length " + length);
            assertTrue(e.getMessage().contains("truncated"), length + ": " + e.getMessage());
        }
    }

    @Test
    void aCorruptedByteIsDetected() throws IOException {
        byte[] stream;
        try (GfeModel model = nonlinearModel()) {
            stream = bytes(model);
        }
        for (int position : new int[] {25, stream.length / 2, stream.length - 12}) {
            byte[] damaged = stream.clone();
            damaged[position] ^= 0x10;
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(damaged), "at " + position);
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        }
    }

    @Test
    void somethingElseIsNotTakenForAModel() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> read("PK\u0003\u0004 not a model at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not a GFE model"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> read(new byte[0]));
    }

    @Test
    void constructorRefusesInconsistentParts() {
        Normalisation seven = Normalisation.none(COLUMNS);
        try (MlpDecoder decoder = MlpDecoder.initialise(new DecoderSpec(2, new int[0], Activation.ELU, COLUMNS), 1,
                DataType.FLOAT32)) {
            IllegalArgumentException auto = assertThrows(IllegalArgumentException.class,
                    () -> new GfeModel(decoder, LossKind.AUTO, seven, names(COLUMNS), FAST));
            assertTrue(auto.getMessage().contains("AUTO"));
            IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                    () -> new GfeModel(decoder, LossKind.MSE, seven, names(COLUMNS - 1), FAST));
            assertTrue(width.getMessage().contains("6 column names"), width.getMessage());
            List<String> twice = new ArrayList<>(names(COLUMNS));
            twice.set(4, "c1");
            IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                    () -> new GfeModel(decoder, LossKind.MSE, seven, twice, FAST));
            assertTrue(duplicate.getMessage().contains("'c1'"), duplicate.getMessage());
        }
    }

    @Test
    void summaryNamesArchitectureLossNormalisationAndColumns() {
        try (GfeModel model = nonlinearModel()) {
            String summary = model.summary();
            for (String expected : new String[] {"3-8-5-7", "TANH", "119 parameters", "float32", "MSE", "Z_SCORE",
                    "7 columns", "c0, c1, c2, c3, c4, ...", "RK4", "tau = 30"}) {
                assertTrue(summary.contains(expected), "'" + expected + "' in: " + summary);
            }
            assertEquals(3 * 8 + 8 + 8 * 5 + 5 + 5 * 7 + 7, model.decoderSpec().parameterCount());
        }
    }

    @Test
    void objectiveRefusesRowsOfTheWrongWidth() {
        try (GfeModel model = nonlinearModel(); NDManager manager = DjlRuntime.newManager()) {
            assertThrows(IllegalArgumentException.class, () -> model.objective(manager, new double[][] {{1, 2}}));
        }
    }

    @Test
    void encodingOnTwoThreadsGivesTheSameCodesAsOnOne() {
        double[][] rows = randomRows(300, COLUMNS, 4);
        long[] ids = new long[rows.length];
        Arrays.setAll(ids, m -> m);
        SolverSettings small = FAST.toBuilder().encodingBatchSize(16).build();
        try (GfeModel model = nonlinearModel()) {
            List<EncodedRow> one = new LatentEncoder(model, small).encode(rows, ids, EncodingListener.NONE);
            List<EncodedRow> two = new LatentEncoder(model, small,
                    ParallelWork.of(ForkJoinPool.commonPool(), 2)).encode(rows, ids, EncodingListener.NONE);
            for (int m = 0; m < rows.length; m++) {
                assertArrayEquals(one.get(m).code(), two.get(m).code(), "row " + m);
            }
        }
    }
}
