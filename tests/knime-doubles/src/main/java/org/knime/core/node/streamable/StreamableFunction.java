package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.ExecutionContext;

/**
 * Double of KNIME's StreamableFunction: an operator that maps each input row to one output row (in port
 * {@link #DEFAULT_INPORT_INDEX}, out port {@link #DEFAULT_OUTPORT_INDEX} unless given).
 */
public abstract class StreamableFunction extends StreamableOperator {
    public static final int DEFAULT_INPORT_INDEX = 0;

    public static final int DEFAULT_OUTPORT_INDEX = 0;

    private int m_inportIndex = DEFAULT_INPORT_INDEX;

    private int m_outportIndex = DEFAULT_OUTPORT_INDEX;

    protected StreamableFunction() {
    }

    protected StreamableFunction(final int inportIdx, final int outportIdx) {
        m_inportIndex = inportIdx;
        m_outportIndex = outportIdx;
    }

    /**
     * init, then {@link #compute(DataRow, long)} for every row polled, pushing each result (with a progress message
     * per row), then closes input and output; {@link #finish()} in any case.
     */
    @Override
    public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext ctx)
        throws Exception {
        final RowInput rowInput = (RowInput)inputs[m_inportIndex];
        final RowOutput rowOutput = (RowOutput)outputs[m_outportIndex];
        init(ctx);
        try {
            DataRow inputRow;
            for (long index = 0; (inputRow = rowInput.poll()) != null; index++) {
                rowOutput.push(compute(inputRow, index));
                final long i = index;
                final DataRow r = inputRow;
                ctx.setMessage(() -> String.format("Row %d (\"%s\"))", i, r.getKey()));
            }
            rowInput.close();
            rowOutput.close();
        } finally {
            finish();
        }
    }

    public void init(final ExecutionContext ctx) throws Exception {
        // no op
    }

    /** Fails: implement this or {@link #compute(DataRow, long)}. */
    public DataRow compute(final DataRow input) throws Exception {
        throw new UnsupportedOperationException(
            "No implementation provided for either of the StreamableFunction#compute methods.");
    }

    public DataRow compute(final DataRow input, final long rowIndex) throws Exception {
        return compute(input);
    }

    /** Called after all rows (normally or not). */
    public void finish() {
        // no op
    }

    /** Runs two functions over the same input into two outputs. */
    public static void runFinalInterwoven(final RowInput input, final StreamableFunction func1, final RowOutput output1,
        final StreamableFunction func2, final RowOutput output2, final ExecutionContext exec) throws Exception {
        func1.init(exec);
        func2.init(exec);
        try {
            DataRow inputRow;
            for (long index = 0; (inputRow = input.poll()) != null; index++) {
                output1.push(func1.compute(inputRow, index));
                output2.push(func2.compute(inputRow, index));
                exec.setMessage(String.format("Row %d (\"%s\"))", index + 1, inputRow.getKey()));
            }
            input.close();
            output1.close();
            output2.close();
        } finally {
            func1.finish();
            func2.finish();
        }
    }
}
