package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.util.NodeExecutionJobManagerPool;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowAnnotationID;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * Rows flow through a streamed Encoder in chunks of its "rows per chunk": with 40 rows per chunk (KNIME's streaming
 * executor moves rows in chunks of 50), the Reconstructor behind the Encoder gets its first rows while the Encoder's
 * own input is still arriving, so the Encoder neither stages its input nor waits for the end of the stream. Checked
 * with the connection progress events inside the component: the row count the Encoder's input connection had
 * reported when the Reconstructor's input first reported rows.
 */
public final class ChunkedStreaming {

    private ChunkedStreaming() {
    }

    /** The row count in a connection progress message ("40", "1,024"), 0 if there is none. */
    private static long rows(String message) {
        String digits = message.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    public static String reconstructorGetsRowsWhileTheEncodersInputStillArrives() throws Exception {
        try (Wf wf = Wf.create("chunked-streaming")) {
            NodeID source = wf.tecator(0, -1);
            NodeID learner = wf.learner(2, "16", 3);
            NodeID encoder = wf.add(Wf.ENCODER);
            NodeID reconstructor = wf.add(Wf.RECONSTRUCTOR);
            NodeID sink = wf.add(Wf.PASS_THROUGH);
            wf.settings(encoder, m -> m.addInt("rows_per_chunk", 40));
            wf.settings(reconstructor, m -> m.addInt("rows_per_chunk", 40));
            wf.connect(source, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            wf.connect(learner, 1, reconstructor, 1);
            wf.connect(encoder, 1, reconstructor, 2);
            wf.connect(reconstructor, 1, sink, 1);
            wf.executeAll();
            List<String> columns = Tables.columns(wf.table(sink, 1).getDataTableSpec());
            double[][] staged = Tables.values(wf.table(sink, 1), columns);

            wf.wfm().resetAndConfigureNode(encoder);
            WorkflowManager parent = wf.wfm();
            NodeID metanode = parent.collapseIntoMetaNode(new NodeID[] {encoder, reconstructor},
                    new WorkflowAnnotationID[0], "GFE streamed").getCollapsedMetanodeID();
            NodeID component = parent.convertMetaNodeToSubNode(metanode).getConvertedNodeID();
            parent.setJobManager(component, NodeExecutionJobManagerPool
                    .getJobManagerFactory(Streaming.SIMPLE_STREAMING).getInstance());
            WorkflowManager inner = ((org.knime.core.node.workflow.SubNodeContainer)parent
                    .getNodeContainer(component)).getWorkflowManager();

            // the row count each table connection reported last; when the Reconstructor first reports rows,
            // what the Encoder's input had reported by then
            AtomicLong encoderRows = new AtomicLong();
            AtomicLong encoderRowsWhenReconstructorStarted = new AtomicLong(-1);
            AtomicLong reconstructorRows = new AtomicLong();
            for (ConnectionContainer cc : inner.getConnectionContainers()) {
                NodeContainer dest = inner.getNodeContainer(cc.getDest());
                boolean table = dest.getInPort(cc.getDestPort()).getPortType().getPortObjectClass()
                        .getSimpleName().contains("BufferedDataTable");
                if (!table) {
                    continue;
                }
                boolean toEncoder = dest.getName().startsWith("GFE Encoder");
                boolean toReconstructor = dest.getName().startsWith("GFE Reconstructor");
                cc.addProgressListener(e -> {
                    long rows = rows(e.getConnectionProgress().hasMessage() ? e.getConnectionProgress().getMessage()
                            : "");
                    synchronized (encoderRows) {
                        if (toEncoder) {
                            encoderRows.set(Math.max(encoderRows.get(), rows));
                        } else if (toReconstructor && rows > 0) {
                            reconstructorRows.set(Math.max(reconstructorRows.get(), rows));
                            encoderRowsWhenReconstructorStarted.compareAndSet(-1, encoderRows.get());
                        }
                    }
                });
            }
            wf.executeAll();
            BufferedDataTable streamed = wf.table(sink, 1);
            Checks.sameBits(staged, Tables.values(streamed, columns), "streamed and non-streamed tables");
            assertEquals(215, streamed.size());
            assertEquals(215, encoderRows.get(), "the Encoder's input reported all rows at the end");
            long before = encoderRowsWhenReconstructorStarted.get();
            assertTrue(before >= 0, "the Reconstructor's input never reported rows");
            assertTrue(before < 215, "the Reconstructor got its first rows only after all 215 rows had reached the"
                    + " Encoder: the Encoder staged its input");
            return String.format(Locale.ROOT, "rows per chunk 40: the Reconstructor got its first rows when %d of 215"
                    + " rows had reached the Encoder; table equal to the non-streamed one", before);
        }
    }
}
