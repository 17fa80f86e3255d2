package org.gfe.knime.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.decoder.ConvDecoder1d;
import org.gfe.knime.core.decoder.ConvDecoderSpec;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.junit.jupiter.api.Test;

/** Models with a 1-D convolutional decoder, and the decoder kind tag of the stream format. */
class GfeModelConvolutionTest {

    private static final int COLUMNS = 9;
    /** Where the payload starts: magic (8 bytes), format version (int), payload length (long). */
    private static final int PAYLOAD_START = 8 + 4 + 8;

    private static double[][] randomRows(int n, int columns, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][columns];
        for (double[] row : rows) {
            for (int p = 0; p < columns; p++) {
                row[p] = 3 * p + random.nextGaussian();
            }
        }
        return rows;
    }

    private static List<String> names(int columns) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < columns; p++) {
            names.add("band " + p);
        }
        return names;
    }

    private static GfeModel convolutionModel() {
        ConvDecoder1d decoder = ConvDecoder1d.initialise(new ConvDecoderSpec(3, 4, 3, 2, Activation.TANH, COLUMNS),
                17, DataType.FLOAT32);
        return new GfeModel(decoder, LossKind.MSE, Normalisation.fit(NormalisationKind.Z_SCORE,
                randomRows(30, COLUMNS, 1)), names(COLUMNS), SolverSettings.defaults());
    }

    private static byte[] bytes(GfeModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        model.write(buffer);
        return buffer.toByteArray();
    }

    @Test
    void aConvolutionalModelRoundTripsWithIdenticalReconstructions() throws IOException {
        double[][] codes = randomRows(6, 3, 5);
        try (GfeModel model = convolutionModel();
                GfeModel back = GfeModel.read(new ByteArrayInputStream(bytes(model)))) {
            assertEquals(DecoderKind.CONVOLUTION_1D, back.decoderKind());
            assertEquals("1-D convolution, 4 channels, kernel 3, 2 layers", back.decoderDescription());
            assertEquals(model.summary(), back.summary());
            assertEquals(3, back.latentDimension());
            double[][] before = model.reconstruct(codes);
            double[][] after = back.reconstruct(codes);
            for (int m = 0; m < codes.length; m++) {
                assertArrayEquals(before[m], after[m], 0.0, "reconstruction of code " + m);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, back::decoderSpec);
            assertTrue(e.getMessage().contains("convolutional"), e.getMessage());
        }
    }

    @Test
    void anMlpModelIsDescribedByItsLayers() {
        MlpDecoder decoder = MlpDecoder.initialise(new DecoderSpec(3, new int[] {8, 5}, Activation.ELU, COLUMNS), 2,
                DataType.FLOAT32);
        try (GfeModel model = new GfeModel(decoder, LossKind.MSE, Normalisation.none(COLUMNS), names(COLUMNS),
                SolverSettings.defaults())) {
            assertEquals(DecoderKind.MLP, model.decoderKind());
            assertEquals("3-8-5-9 MLP", model.decoderDescription());
            assertTrue(model.summary().contains("3-8-5-9 MLP with ELU activation"), model.summary());
        }
    }

    @Test
    void anUnknownDecoderKindIsRefusedNamingIt() throws IOException {
        byte[] stream;
        try (GfeModel model = convolutionModel()) {
            stream = bytes(model);
        }
        // the tag follows the precision, both written as UTF strings (2-byte length, then the characters)
        byte[] tagged = utf("FLOAT32", "CONV1D");
        int at = indexOf(stream, tagged);
        assertTrue(at > PAYLOAD_START, "the stream holds the precision and the tag");
        byte[] renamed = utf("FLOAT32", "WAVE3D");
        System.arraycopy(renamed, 0, stream, at, renamed.length);
        int payloadLength = stream.length - PAYLOAD_START - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(stream, PAYLOAD_START, payloadLength);
        ByteBuffer.wrap(stream, PAYLOAD_START + payloadLength, Long.BYTES).putLong(crc.getValue());

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> GfeModel.read(new ByteArrayInputStream(stream)));
        assertTrue(e.getMessage().contains("'WAVE3D'"), e.getMessage());
    }

    private static byte[] utf(String... texts) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        for (String text : texts) {
            byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
            buffer.putShort((short) chars.length).put(chars);
        }
        byte[] result = new byte[buffer.position()];
        buffer.flip().get(result);
        return result;
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
