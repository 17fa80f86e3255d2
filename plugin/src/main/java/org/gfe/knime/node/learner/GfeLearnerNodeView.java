package org.gfe.knime.node.learner;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.gfe.knime.node.learner.LearningCurve.Status;
import org.knime.core.node.NodeView;

/**
 * The GFE Learner's view: the learning curve (training and validation loss per epoch), live while training runs and
 * complete afterwards (also after the workflow was saved and reloaded), a line on where training stands or why it
 * ended, the model summary, and a button that stops training after the current batch and keeps the model trained
 * so far (the node then outputs it with a warning saying so).
 *
 * <p>The view listens to the node's {@link TrainingMonitor} while it is open; changes arrive on the training thread
 * and are drawn on the event dispatch thread, at most one redraw queued at a time.
 */
public final class GfeLearnerNodeView extends NodeView<GfeLearnerNodeModel> {

    /** Text of the stop button. */
    public static final String STOP_BUTTON = "Stop and keep model";

    private final JLabel status = new JLabel(" ");
    private final LearningCurveChart chart = new LearningCurveChart();
    private final JTextArea summary = new JTextArea(6, 60);
    private final JButton stop = new JButton(STOP_BUTTON);
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private final Runnable onChange = this::queueRedraw;
    private String statusLine = "";

    GfeLearnerNodeView(GfeLearnerNodeModel model) {
        super(model);
        // KNIME would cover the view with "no data" until the node is executed; this view shows the training live
        setShowNODATALabel(false);
        status.setFont(status.getFont().deriveFont(Font.BOLD));
        status.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        summary.setEditable(false);
        summary.setLineWrap(true);
        summary.setWrapStyleWord(true);
        summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        summary.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        stop.setToolTipText("Ends training after the batch that is running and outputs the model trained so far.");
        stop.addActionListener(e -> {
            model.monitor().requestStopAndKeep();
            stop.setEnabled(false);
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 4));
        buttons.add(stop);
        JScrollPane summaryPane = new JScrollPane(summary);
        summaryPane.setBorder(BorderFactory.createTitledBorder("Model"));
        summaryPane.setPreferredSize(new Dimension(640, 150));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chart, summaryPane);
        split.setResizeWeight(0.75);
        split.setBorder(null);
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(status, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        panel.add(buttons, BorderLayout.SOUTH);
        panel.setPreferredSize(new Dimension(720, 560));
        setComponent(panel);
        redraw();
    }

    @Override
    protected void modelChanged() {
        redraw();
    }

    @Override
    protected void onOpen() {
        getNodeModel().monitor().addListener(onChange);
        redraw();
    }

    @Override
    protected void onClose() {
        getNodeModel().monitor().removeListener(onChange);
    }

    private void queueRedraw() {
        if (redrawQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                redrawQueued.set(false);
                redraw();
            });
        }
    }

    /** Shows the node's current curve (on the event dispatch thread, or before the view is shown). */
    void redraw() {
        TrainingMonitor monitor = getNodeModel().monitor();
        LearningCurve curve = monitor.curve();
        String line = curve.statusText();
        if (curve.status() == Status.TRAINING && monitor.stopAndKeepRequested()) {
            line = "Stopping after the current batch; the model trained so far will be kept.";
        }
        statusLine = line;
        status.setText(line);
        status.setToolTipText(line);
        chart.show(curve);
        String text = curve.summary().isEmpty() ? summaryPlaceholder(curve.status()) : curve.summary();
        if (!text.equals(summary.getText())) {
            summary.setText(text);
            summary.setCaretPosition(0);
        }
        stop.setEnabled(curve.status() == Status.TRAINING && !monitor.stopAndKeepRequested());
    }

    private static String summaryPlaceholder(Status status) {
        return status == Status.TRAINING ? "The model summary appears when training has ended."
                : "No model yet.";
    }

    /** The chart (for tests and exports). */
    public LearningCurveChart chart() {
        return chart;
    }

    /** The line on where training stands. */
    public String statusText() {
        return statusLine;
    }

    /** The model summary shown. */
    public String summaryText() {
        return summary.getText();
    }

    /** The stop button. */
    public JButton stopButton() {
        return stop;
    }
}
