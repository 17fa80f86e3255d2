package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.BufferedDataTableRowOutput;
import org.knime.core.node.streamable.DataTableRowInput;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableFunction;
import org.knime.core.node.streamable.StreamableOperator;

/** Streaming doubles: row inputs and outputs on the doubles' tables, streamable functions, NodeModel's defaults. */
class StreamingTest {
    private static final DataTableSpec SPEC = new DataTableSpec(new String[]{"x", "name"},
        new DataType[]{DoubleCell.TYPE, StringCell.TYPE});

    private static ExecutionContext exec(final List<String> messages) {
        return new ExecutionContext(new ProgressNode.Root(() -> false, (v, m) -> messages.add(m)));
    }

    private static BufferedDataTable table(final ExecutionContext exec, final int rows) {
        final BufferedDataContainer c = exec.createDataContainer(SPEC);
        for (int i = 0; i < rows; i++) {
            c.addRowToTable(new DefaultRow("Row" + i, new DoubleCell(i), new StringCell("n" + i)));
        }
        c.close();
        return c.getTable();
    }

    private static List<DataRow> rows(final BufferedDataTable t) {
        final List<DataRow> out = new ArrayList<>();
        t.forEach(out::add);
        return out;
    }

    @Test
    void portRolesAreKnimesFourAndTwoConstants() {
        assertSame(InputPortRole.DISTRIBUTED_STREAMABLE, InputPortRole.get(true, true));
        assertSame(InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.get(false, false));
        assertTrue(InputPortRole.NONDISTRIBUTED_STREAMABLE.isStreamable());
        assertFalse(InputPortRole.NONDISTRIBUTED_STREAMABLE.isDistributable());
        assertTrue(InputPortRole.DISTRIBUTED_NONSTREAMABLE.isDistributable());
        assertTrue(OutputPortRole.DISTRIBUTED.isDistributable());
        assertFalse(OutputPortRole.NONDISTRIBUTED.isDistributable());
        final PartitionInfo p = new PartitionInfo(1, 4);
        assertEquals(1, p.getPartitionIndex());
        assertEquals(4, p.getPartitionCount());
    }

    @Test
    void rowInputPollsTheTableAndRowOutputFillsAContainer() throws Exception {
        final ExecutionContext exec = exec(new ArrayList<>());
        final BufferedDataTable in = table(exec, 3);
        final DataTableRowInput input = new DataTableRowInput(in);
        assertEquals(3, input.getRowCount());
        assertSame(in.getDataTableSpec(), input.getDataTableSpec());
        assertFalse(input.isInactive());
        final BufferedDataTableRowOutput output = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        DataRow row;
        while ((row = input.poll()) != null) {
            output.push(row);
        }
        assertNull(input.poll());
        input.close();
        output.close();
        assertEquals(rows(in), rows(output.getDataTable()));

        final BufferedDataTableRowOutput whole = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        whole.setFully(in);
        assertEquals(3, whole.getDataTable().size(), "setFully pushes every row and closes");
        assertEquals(0, new DataTableRowInput(exec.createVoidTable(SPEC)).getRowCount());
        final DataContainer plain = new DataContainer(SPEC);
        plain.close();
        assertEquals(-1, new DataTableRowInput(plain.getTable()).getRowCount(), "unknown for other tables");
    }

    @Test
    void streamableFunctionComputesRowByRowAndFinishesEvenOnFailure() throws Exception {
        final List<String> messages = new ArrayList<>();
        final ExecutionContext exec = exec(messages);
        final BufferedDataTable in = table(exec, 4);
        final List<String> calls = new ArrayList<>();
        final StreamableFunction negate = new StreamableFunction() {
            @Override
            public void init(final ExecutionContext ctx) {
                calls.add("init");
            }

            @Override
            public DataRow compute(final DataRow input, final long rowIndex) {
                calls.add("row " + rowIndex);
                return new DefaultRow(input.getKey(), new DoubleCell(-((DoubleValue)input.getCell(0)).getDoubleValue()),
                    input.getCell(1));
            }

            @Override
            public void finish() {
                calls.add("finish");
            }
        };
        final BufferedDataTableRowOutput out = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        negate.runFinal(new PortInput[]{new DataTableRowInput(in)}, new PortOutput[]{out}, exec);
        assertEquals(List.of("init", "row 0", "row 1", "row 2", "row 3", "finish"), calls);
        assertEquals(-3.0, ((DoubleValue)rows(out.getDataTable()).get(3).getCell(0)).getDoubleValue());
        assertEquals("Row 3 (\"Row3\"))", messages.get(messages.size() - 1));

        final StreamableFunction failing = new StreamableFunction() {
            @Override
            public DataRow compute(final DataRow input) throws Exception {
                throw new IllegalStateException("no");
            }

            @Override
            public void finish() {
                calls.add("finish after failure");
            }
        };
        final BufferedDataTableRowOutput out2 = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        assertThrows(IllegalStateException.class,
            () -> failing.runFinal(new PortInput[]{new DataTableRowInput(in)}, new PortOutput[]{out2}, exec));
        assertEquals("finish after failure", calls.get(calls.size() - 1));
        assertThrows(UnsupportedOperationException.class, () -> new StreamableFunction() {
        }.compute(rows(in).get(0), 0));
    }

    @Test
    void columnRearrangerStreamsTheSameRowsItWritesAsATable() throws Exception {
        final ExecutionContext exec = exec(new ArrayList<>());
        final BufferedDataTable in = table(exec, 5);
        final List<String> after = new ArrayList<>();
        final ColumnRearranger r = new ColumnRearranger(SPEC);
        r.append(new SingleCellFactory(new DataColumnSpecCreator("x2", DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                return new DoubleCell(2 * ((DoubleValue)row.getCell(0)).getDoubleValue());
            }

            @Override
            public void afterProcessing() {
                after.add("done");
            }
        });
        r.remove("name");
        final BufferedDataTable expected = exec.createColumnRearrangeTable(in, r, exec);
        final BufferedDataTableRowOutput out = new BufferedDataTableRowOutput(exec.createDataContainer(r.createSpec()));
        r.createStreamableFunction().runFinal(new PortInput[]{new DataTableRowInput(in)}, new PortOutput[]{out}, exec);
        assertEquals(rows(expected), rows(out.getDataTable()));
        assertEquals(List.of("done", "done"), after, "afterProcessing after the table and after the stream");

        final BufferedDataTableRowOutput second = new BufferedDataTableRowOutput(exec.createDataContainer(r.createSpec()));
        r.createStreamableFunction(1, 0).runFinal(new PortInput[]{null, new DataTableRowInput(in)},
            new PortOutput[]{second}, exec);
        assertEquals(5, second.getDataTable().size(), "ports of the two-argument variant");
        assertNull(r.createStreamableFunction().saveInternals());
    }

    /** A node with a table in, a table out: it doubles column x. */
    private static final class Doubler extends NodeModel {
        Doubler() {
            super(1, 1);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{inSpecs[0]};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            final BufferedDataContainer c = exec.createDataContainer(inData[0].getDataTableSpec());
            for (DataRow row : inData[0]) {
                c.addRowToTable(new DefaultRow(row.getKey(),
                    new DoubleCell(2 * ((DoubleValue)row.getCell(0)).getDoubleValue()), row.getCell(1)));
            }
            c.close();
            return new BufferedDataTable[]{c.getTable()};
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void reset() {
        }
    }

    @Test
    void nodeModelDefaultsRunExecuteAsOneNonStreamedOperator() throws Exception {
        final ExecutionContext exec = exec(new ArrayList<>());
        final BufferedDataTable in = table(exec, 3);
        final Doubler model = new Doubler();
        assertArrayEquals(new InputPortRole[]{InputPortRole.NONDISTRIBUTED_NONSTREAMABLE}, model.getInputPortRoles());
        assertArrayEquals(new OutputPortRole[]{OutputPortRole.NONDISTRIBUTED}, model.getOutputPortRoles());
        assertNull(model.createMergeOperator());
        assertNull(model.createInitialStreamableOperatorInternals());
        assertFalse(model.iterate(null));
        assertEquals(SPEC, model.computeFinalOutputSpecs(null, new PortObjectSpec[]{SPEC})[0]);
        assertThrows(IllegalStateException.class, () -> model.finishStreamableExecution(null, exec, new PortOutput[0]));
        assertThrows(IllegalStateException.class,
            () -> model.createStreamableOperator(new PartitionInfo(1, 2), new PortObjectSpec[]{SPEC}));

        final StreamableOperator op = model.createStreamableOperator(new PartitionInfo(0, 1), new PortObjectSpec[]{SPEC});
        final BufferedDataTableRowOutput out = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        op.runFinal(new PortInput[]{new PortObjectInput(in)}, new PortOutput[]{out}, exec);
        assertEquals(4.0, ((DoubleValue)rows(out.getDataTable()).get(2).getCell(0)).getDoubleValue());
        assertNull(op.saveInternals());
    }

    @Test
    void portObjectOutputHoldsTheObjectOrBecomesInactive() throws Exception {
        final ExecutionContext exec = exec(new ArrayList<>());
        final PortObject table = table(exec, 1);
        final PortObjectOutput out = new PortObjectOutput();
        out.setPortObject(table);
        assertSame(table, out.getPortObject());
        out.setInactive();
        assertTrue(new PortObjectInput(out.getPortObject()).isInactive());
        assertFalse(new PortObjectInput(table).isInactive());
        final RowOutput rows = new BufferedDataTableRowOutput(exec.createDataContainer(SPEC));
        rows.setInactive(); // a no-op for row outputs, as in KNIME
        final RowInput input = new DataTableRowInput(table(exec, 0));
        assertNull(input.poll());
        assertThrows(RowOutput.OutputClosedException.class, () -> {
            throw new RowOutput.OutputClosedException();
        });
    }
}
