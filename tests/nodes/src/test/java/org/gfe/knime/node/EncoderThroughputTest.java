package org.gfe.knime.node;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.KNIMEConstants;

/**
 * Not a test but a measurement, run on demand: the Encoder's rows per second with KNIME's thread limit at 1 and at 2
 * (the node's thread alone, or with one helper from KNIME's pool), run as KNIME runs a node (a job of the global
 * pool), default solver settings (per-row AMD, tau 1e4), on a tecator model (d = 5, hidden 64) and an MNIST-size
 * model (784 columns, d = 20, hidden 150,300,600 as in the paper).
 *
 * <pre>
 * ./mvnw -B -o -pl plugin,tests/knime-doubles,tests/nodes verify -Dtest=EncoderThroughputTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dgfe.throughput=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "gfe.throughput", matches = "true")
class EncoderThroughputTest {

    @Test
    void tecator() throws Exception {
        BufferedDataTable all = CsvTables.tecator();
        GfeModelPortObject model = GfeNodes.learner(5, "64", 20).execute(Tables.rows(all, 0, 160), null)
                .port(0, GfeModelPortObject.class);
        measure("tecator (103 columns, d = 5, hidden 64)", model, all);
    }

    @Test
    void mnistSizeModel() throws Exception {
        double[][] images = read(Path.of(System.getProperty("gfe.data.dir", "../../data"), "mnist",
                "train-images-idx3-ubyte.gz"), 700);
        String[] pixels = new String[784];
        Arrays.setAll(pixels, i -> "p" + i);
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(20, "150,300,600", 1);
        learner.edit().setString("loss", "AUTO").setString("normalisation", "NONE").setInt("batch_size", 10);
        GfeModelPortObject model = learner.execute(Tables.of(pixels, Arrays.copyOf(images, 200)), null)
                .port(0, GfeModelPortObject.class);
        measure("MNIST-size (784 columns, d = 20, hidden 150,300,600)", model,
                Tables.of(pixels, Arrays.copyOfRange(images, 200, 700)));
    }

    private static void measure(String what, GfeModelPortObject model, BufferedDataTable table) throws Exception {
        int original = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        try {
            run(model, table); // warm-up (engine start, JIT)
            for (int limit : new int[] {1, 2, 1, 2}) {
                KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(limit);
                long start = System.nanoTime();
                Future<BufferedDataTable> job = KNIMEConstants.GLOBAL_THREAD_POOL.enqueue(() -> run(model, table));
                int rows = Tables.rowCount(job.get());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s: %d rows, KNIME thread limit %d: %.2f s, %.1f rows/s%n", what,
                        rows, limit, seconds, rows / seconds);
            }
        } finally {
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(original);
        }
    }

    private static BufferedDataTable run(GfeModelPortObject model, BufferedDataTable table) throws Exception {
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.roundTripOutputs(false);
        return encoder.execute(model, table, null).table(0);
    }

    private static double[][] read(Path file, int count) throws Exception {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            in.readInt();
            in.readInt();
            int size = in.readInt() * in.readInt();
            double[][] rows = new double[count][size];
            byte[] buffer = new byte[size];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < size; p++) {
                    rows[i][p] = (buffer[p] & 0xff) / 255.0;
                }
            }
            return rows;
        }
    }
}
