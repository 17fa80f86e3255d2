package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.gfe.knime.harness.ExecutionProbe;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.StreamedExecution;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;

/**
 * Encoder and Reconstructor as KNIME streams them (operator over the doubles' RowInput/RowOutput): the same table as
 * the non-streamed execute, rows taken from the stream a chunk at a time and handed on before the next chunk is
 * read, the table port streamable and distributable, cancellation honoured.
 */
class StreamingTest {

    private static GfeModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        model = GfeNodes.learner(2, "16", 5).execute(SmallData.table(120, 31), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
    }

    /** 50 rows, one with a gap and one without any value. */
    private static BufferedDataTable input() {
        double[][] rows = SmallData.rows(50, 32);
        rows[9][3] = Double.NaN;
        java.util.Arrays.fill(rows[17], Double.NaN);
        return SmallData.table(rows);
    }

    private static NodeHarness<GfeEncoderNodeModel> encoder() {
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("diagnostics", true).setBoolean("reconstruction_error", true)
                .setInt("rows_per_chunk", 7);
        return encoder;
    }

    @Test
    void portRolesLetTheTableStreamAndBeDistributed() {
        GfeEncoderNodeModel encoder = GfeNodes.encoder().model();
        assertArrayEquals(new InputPortRole[] {InputPortRole.NONDISTRIBUTED_NONSTREAMABLE,
            InputPortRole.DISTRIBUTED_STREAMABLE, InputPortRole.NONDISTRIBUTED_NONSTREAMABLE},
                encoder.getInputPortRoles());
        assertArrayEquals(new OutputPortRole[] {OutputPortRole.DISTRIBUTED}, encoder.getOutputPortRoles());
        GfeReconstructorNodeModel reconstructor = GfeNodes.reconstructor().model();
        assertArrayEquals(new InputPortRole[] {InputPortRole.NONDISTRIBUTED_NONSTREAMABLE,
            InputPortRole.DISTRIBUTED_STREAMABLE}, reconstructor.getInputPortRoles());
        assertArrayEquals(new OutputPortRole[] {OutputPortRole.DISTRIBUTED}, reconstructor.getOutputPortRoles());
    }

    @Test
    void streamedEncoderGivesTheTableOfTheNonStreamedExecute() throws Exception {
        BufferedDataTable input = input();
        BufferedDataTable executed = encoder().execute(model, input, null).table(0);
        StreamedExecution.Result streamed = StreamedExecution.run(encoder(), model, input, null);
        assertSameTable(executed, streamed.table(0));
        assertTrue(streamed.warning().contains("1 row(s) have every model column missing"), streamed.warning());
    }

    @Test
    void streamedEncoderWithAConnectedSolverGivesTheSameTableToo() throws Exception {
        BufferedDataTable input = input();
        var solver = GfeNodes.fastSolver();
        assertSameTable(encoder().execute(model, input, solver).table(0),
                StreamedExecution.run(encoder(), model, input, solver).table(0));
    }

    @Test
    void streamedReconstructorGivesTheTableOfTheNonStreamedExecute() throws Exception {
        BufferedDataTable encoded = encoder().execute(model, input(), null).table(0);
        NodeHarness<GfeReconstructorNodeModel> reconstructor = GfeNodes.reconstructor();
        reconstructor.edit().setBoolean("impute_missing", true).setInt("rows_per_chunk", 7);
        BufferedDataTable executed = reconstructor.execute(model, encoded).table(0);
        StreamedExecution.Result streamed = StreamedExecution.run(reconstructor, model, encoded);
        assertSameTable(executed, streamed.table(0));
        assertTrue(streamed.warning().contains("1 row(s) have a missing latent cell"), streamed.warning());
    }

    @Test
    void rowsAreTakenFromTheStreamInChunksAndHandedOnBeforeTheNextChunk() throws Exception {
        List<String> events = StreamedExecution.run(encoder(), model, input(), null).events();
        // expected: 7 polls, 7 pushes, 7 polls, ... ; the last chunk (1 row) ends with the poll that finds no row
        List<String> expected = new ArrayList<>();
        for (int from = 0; from < 50; from += 7) {
            int to = Math.min(50, from + 7);
            for (int m = from; m < to; m++) {
                expected.add("poll Row" + m);
            }
            if (to == 50) {
                expected.add("poll end");
            }
            for (int m = from; m < to; m++) {
                expected.add("push Row" + m);
            }
        }
        expected.add("poll end");
        expected.add("close");
        assertEquals(expected, events);
    }

    @Test
    void cancellingWhileStreamingStopsTheNode() {
        ExecutionProbe probe = new ExecutionProbe();
        probe.onProgress(event -> probe.cancel());
        assertThrows(CanceledExecutionException.class,
                () -> StreamedExecution.run(encoder(), probe, model, input(), null));
    }

    /** Same row keys, column names and types, and cells (doubles bit for bit). */
    static void assertSameTable(DataTable expected, DataTable actual) {
        assertEquals(expected.getDataTableSpec().getNumColumns(), actual.getDataTableSpec().getNumColumns());
        for (int c = 0; c < expected.getDataTableSpec().getNumColumns(); c++) {
            assertEquals(expected.getDataTableSpec().getColumnSpec(c).getName(),
                    actual.getDataTableSpec().getColumnSpec(c).getName());
            assertEquals(expected.getDataTableSpec().getColumnSpec(c).getType(),
                    actual.getDataTableSpec().getColumnSpec(c).getType());
        }
        Iterator<DataRow> a = actual.iterator();
        int rows = 0;
        for (DataRow e : expected) {
            assertTrue(a.hasNext(), "the streamed table has only " + rows + " rows");
            DataRow r = a.next();
            assertEquals(e.getKey(), r.getKey());
            for (int c = 0; c < e.getNumCells(); c++) {
                DataCell x = e.getCell(c);
                DataCell y = r.getCell(c);
                assertEquals(x.isMissing(), y.isMissing(), e.getKey() + " column " + c);
                if (!x.isMissing()) {
                    assertEquals(x, y, e.getKey() + " column " + c);
                    assertEquals(x.getType(), y.getType());
                }
            }
            rows++;
        }
        assertTrue(!a.hasNext(), "the streamed table has more rows");
        assertTrue(rows == Tables.rowCount(expected));
    }
}
