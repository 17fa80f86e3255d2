package org.gfe.knime.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeModel;
import org.knime.core.node.TestNodeAccess;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * Runs a node's streamable operator the way KNIME's streaming executor calls it, against the doubles: the harness's
 * settings applied and the node configured with the inputs' specs, {@code createStreamableOperator} for partition 0
 * of 1, then {@code runFinal} with a {@link RowInput} for every streamable table input, a {@link PortObjectInput} for
 * every other connected input (null for an unconnected optional one) and a {@link RowOutput} per output, collected
 * into a table of the configured spec. Every poll and push is logged in order ("poll Row3", "poll end", "push Row3"),
 * so a test can see how rows flow.
 *
 * <pre>{@code
 * StreamedExecution.Result r = StreamedExecution.run(harness, model, table, null);
 * r.table(0); r.events(); r.warning();
 * }</pre>
 */
public final class StreamedExecution {

    /** Outputs, the poll/push log, the node's warning and the probe of the run. */
    public record Result(List<BufferedDataTable> tables, List<String> events, String warning, ExecutionProbe probe) {
        public BufferedDataTable table(final int port) {
            return tables.get(port);
        }
    }

    private StreamedExecution() {
    }

    public static Result run(final NodeHarness<? extends NodeModel> harness, final PortObject... inputs)
        throws Exception {
        return run(harness, new ExecutionProbe(), inputs);
    }

    /** Runs with the given probe (e.g. one that cancels). */
    public static Result run(final NodeHarness<? extends NodeModel> harness, final ExecutionProbe probe,
        final PortObject... inputs) throws Exception {
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inSpecs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        final PortObjectSpec[] outSpecs = harness.configure(inSpecs);
        final NodeModel model = harness.model();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final InputPortRole[] roles = model.getInputPortRoles();
        final PortInput[] portInputs = new PortInput[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                continue;
            }
            portInputs[i] = roles[i].isStreamable() && inputs[i] instanceof BufferedDataTable table
                ? new LoggingRowInput(table, events) : new PortObjectInput(inputs[i]);
        }
        final ExecutionContext exec = probe.newContext();
        final PortOutput[] portOutputs = new PortOutput[outSpecs.length];
        final List<BufferedDataContainer> containers = new ArrayList<>();
        for (int o = 0; o < outSpecs.length; o++) {
            final BufferedDataContainer container = exec.createDataContainer((DataTableSpec)outSpecs[o]);
            containers.add(container);
            portOutputs[o] = new LoggingRowOutput(container, events);
        }
        final StreamableOperator operator =
            model.createStreamableOperator(new PartitionInfo(0, 1), inSpecs.clone());
        try {
            operator.runFinal(portInputs, portOutputs, exec);
        } finally {
            for (PortInput input : portInputs) {
                if (input instanceof RowInput rows) {
                    rows.close();
                }
            }
        }
        final List<BufferedDataTable> tables = new ArrayList<>();
        for (BufferedDataContainer container : containers) {
            container.close();
            tables.add(container.getTable());
        }
        return new Result(tables, List.copyOf(events), TestNodeAccess.warning(model), probe);
    }

    /** A stream over a table that logs each poll. */
    private static final class LoggingRowInput extends RowInput {
        private final DataTableSpec m_spec;
        private final org.knime.core.data.container.CloseableRowIterator m_rows;
        private final List<String> m_events;

        LoggingRowInput(final BufferedDataTable table, final List<String> events) {
            m_spec = table.getDataTableSpec();
            m_rows = table.iterator();
            m_events = events;
        }

        @Override
        public DataTableSpec getDataTableSpec() {
            return m_spec;
        }

        @Override
        public DataRow poll() {
            final DataRow row = m_rows.hasNext() ? m_rows.next() : null;
            m_events.add(row == null ? "poll end" : "poll " + row.getKey());
            return row;
        }

        @Override
        public void close() {
            m_rows.close();
        }
    }

    /** Collects pushed rows into a container and logs each push. */
    private static final class LoggingRowOutput extends RowOutput {
        private final BufferedDataContainer m_container;
        private final List<String> m_events;
        private boolean m_closed;

        LoggingRowOutput(final BufferedDataContainer container, final List<String> events) {
            m_container = container;
            m_events = events;
        }

        @Override
        public void push(final DataRow row) {
            if (m_closed) {
                throw new IllegalStateException("push after close");
            }
            m_events.add("push " + row.getKey());
            m_container.addRowToTable(row);
        }

        @Override
        public void close() {
            m_closed = true;
            m_events.add("close");
        }
    }
}
