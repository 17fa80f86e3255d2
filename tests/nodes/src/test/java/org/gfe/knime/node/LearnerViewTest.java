package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.gfe.knime.harness.ExecutionProbe;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeView;
import org.gfe.knime.node.learner.LearningCurve;
import org.gfe.knime.node.learner.LearningCurveChart;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;
import org.knime.core.node.TestNodeAccess;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The Learner's view: the learning curve with one point per epoch (drawn headless to PNGs under
 * target/learner-view for a person to look at), live while training runs, again after the workflow is reloaded, and
 * its button that stops training and keeps the model trained so far.
 */
class LearnerViewTest {

    private static final Path PICTURES = Path.of("target", "learner-view");
    private static final int EPOCHS = 6;

    @BeforeAll
    static void headless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "the view must draw without a display (java.awt.headless)");
    }

    private static NodeHarness<GfeLearnerNodeModel> learner(int epochs) {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "16", epochs);
        learner.edit().setDouble("validation_fraction", 0.2).setDouble("learning_rate", 3e-3);
        return learner.resetAfterExecute(false);
    }

    private static GfeLearnerNodeView openView(NodeModel model, NodeHarness<?> node) {
        assertEquals(1, TestNodeAccess.nrNodeViews(node.factory()));
        GfeLearnerNodeView view = (GfeLearnerNodeView) TestNodeAccess.createNodeView(node.factory(), 0, model);
        TestNodeAccess.openView(view, "GFE Learner");
        return view;
    }

    @Test
    void theViewShowsOnePointPerEpochAndDrawsHeadless() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = learner(EPOCHS);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(60, 31), GfeNodes.fastSolver());
        GfeLearnerNodeView view = openView(learner.model(), learner);

        XYChart chart = view.chart().chart();
        assertNotNull(chart, "a chart after a run");
        assertPoints(chart, LearningCurveChart.TRAINING, EPOCHS);
        assertPoints(chart, LearningCurveChart.VALIDATION, EPOCHS);
        double[] training = chart.getSeriesMap().get(LearningCurveChart.TRAINING).getYData();
        assertTrue(training[EPOCHS - 1] < training[0], "the loss falls: " + java.util.Arrays.toString(training));
        assertEquals("Finished: trained all " + EPOCHS + " epoch(s).", view.statusText());
        assertTrue(view.summaryText().contains("Loss: Mean squared error"), view.summaryText());
        assertTrue(view.summaryText().contains("Normalisation: z-score (mean 0, sd 1)"), view.summaryText());
        assertTrue(view.summaryText().contains("Training: trained " + EPOCHS + " epoch(s) on 60 rows"),
                view.summaryText());
        assertFalse(view.stopButton().isEnabled(), "nothing to stop after the run");
        assertEquals(result.port(0, GfeModelPortObject.class).description(),
                view.summaryText().split("\n\nWarnings:")[0]);

        BufferedImage whole = drawView(view, 900, 640);
        assertFalse(isBlank(whole), "the view draws something");
        save(whole, "learner-view.png");
        BufferedImage curve = LearningCurveChart.image(view.chart().curve(), 800, 450);
        save(curve, "learning-curve.png");
        assertFalse(isBlank(curve));
    }

    @Test
    void theViewShowsTheCurveAgainAfterTheWorkflowIsReloaded() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = learner(3);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(40, 32), GfeNodes.fastSolver());
        GfeLearnerNodeView reloaded = openView(result.reloadedModel(), learner);
        assertPoints(reloaded.chart().chart(), LearningCurveChart.TRAINING, 3);
        assertEquals("Finished: trained all 3 epoch(s).", reloaded.statusText());
        assertTrue(reloaded.summaryText().startsWith("Decoder: 2-16-6 MLP"), reloaded.summaryText());

        learner.reset();
        GfeLearnerNodeView afterReset = openView(learner.model(), learner);
        assertNull(afterReset.chart().chart(), "a reset node has no curve");
        assertTrue(afterReset.statusText().startsWith("Not trained yet"), afterReset.statusText());
    }

    @Test
    void theViewDrawsWhileTrainingRunsAndItsButtonStopsAndKeepsTheModel() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = learner(30);
        GfeLearnerNodeView view = openView(learner.model(), learner);
        assertFalse(view.stopButton().isEnabled(), "nothing to stop before the run");
        List<Integer> pointsSeenLive = new ArrayList<>();
        AtomicBoolean clicked = new AtomicBoolean();
        ExecutionProbe probe = new ExecutionProbe().onProgress(event -> {
            if (event.message() != null && event.message().startsWith("Epoch 4/") && !clicked.getAndSet(true)) {
                try {
                    SwingUtilities.invokeAndWait(() -> {
                        // the view has redrawn on the event dispatch thread: epochs 1-3 and the first of epoch 4
                        XYChart live = view.chart().chart();
                        pointsSeenLive.add(live == null ? 0
                                : live.getSeriesMap().get(LearningCurveChart.TRAINING).getXData().length);
                        assertTrue(view.statusText().startsWith("Training: epoch 4 of 30"), view.statusText());
                        assertTrue(view.stopButton().isEnabled());
                        try {
                            save(paint(view, 900, 640), "learner-view-live.png");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        view.stopButton().doClick();
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        ExecutionResult<GfeLearnerNodeModel> result = learner.useProbe(probe).execute(SmallData.table(60, 33),
                GfeNodes.fastSolver());

        assertEquals(List.of(4), pointsSeenLive, "the curve grew while training ran");
        GfeModelPortObject model = result.port(0, GfeModelPortObject.class);
        assertEquals(4, model.outcome().epochs(), "stopped in epoch 4 of 30, after the batch that was running");
        assertEquals("Stopped by the user in epoch 4 of 30, after batch 1 of 3; the output is the model trained so"
                + " far.", result.warning());
        assertEquals(4, result.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE));
        SwingUtilities.invokeAndWait(() -> { });
        TestNodeAccess.viewModelChanged(view);
        assertPoints(view.chart().chart(), LearningCurveChart.TRAINING, 4);
        assertTrue(view.statusText().startsWith("Stopped by the user in epoch 4 of 30"), view.statusText());
        assertFalse(view.stopButton().isEnabled());
        save(drawView(view, 900, 640), "learner-view-stopped.png");
    }

    /** The default Learner (linear + MLP) with explicit small sizes, on rows that need its correction. */
    private static NodeHarness<GfeLearnerNodeModel> defaultDesign() {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", 1).setBoolean("auto_size", false).setInt("epochs", 15)
                .setInt("batch_size", 16).setInt("patience", 8).setString("hidden_sizes", "16, 16")
                .setDouble("learning_rate", 3e-3);
        return learner.resetAfterExecute(false);
    }

    @Test
    void theViewOfTheDefaultDesignShowsTheChoiceOfTheEpochsTheFinalFitAndTheKeptEpoch() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = defaultDesign();
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(CurvedData.table(100, 3), null);
        int kept = result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE);
        assertTrue(kept > 0, "the parabola keeps the correction");
        GfeLearnerNodeView view = openView(learner.model(), learner);
        XYChart chart = view.chart().chart();
        String mean = " (choosing the epochs, mean of 4 folds)";
        XYSeries validation = chart.getSeriesMap().get(LearningCurveChart.VALIDATION + mean);
        assertNotNull(validation, chart.getSeriesMap().keySet().toString());
        assertEquals(0, validation.getXData()[0], "epoch 0 of the choice: PCA");
        assertEquals(0.0, chart.getSeriesMap().get(LearningCurveChart.VALIDATION + mean).getXData()[0]);
        if (chart.getStyler().isYAxisLogarithmic()) {
            assertNull(chart.getStyler().getyAxisTickLabelsFormattingFunction(),
                    "XChart labels a logarithmic axis linearly when given a formatting function");
        }
        assertNotNull(chart.getSeriesMap().get(LearningCurveChart.TRAINING + mean));
        XYSeries finalFit = chart.getSeriesMap().get(LearningCurveChart.TRAINING + " (final fit on all rows)");
        assertNotNull(finalFit, chart.getSeriesMap().keySet().toString());
        assertEquals(kept, finalFit.getXData().length, "one point per epoch of the final fit");
        String keptSeries = LearningCurveChart.keptSeries(chart);
        assertEquals(LearningCurveChart.KEPT + " (epoch " + kept + ")", keptSeries);
        assertEquals(kept, chart.getSeriesMap().get(keptSeries).getXData()[0]);
        assertEquals(finalFit.getYData()[kept - 1], chart.getSeriesMap().get(keptSeries).getYData()[0],
                "the kept marker sits on the final fit's last epoch");
        assertTrue(view.statusText().startsWith("Finished: chose " + kept + " epoch(s) on 4-fold validation"),
                view.statusText());
        assertTrue(view.summaryText().contains("The MLP correction lowered the loss on 4-fold validation"),
                view.summaryText());
        assertTrue(view.summaryText().contains("Kept: the decoder after epoch " + kept + " of the final fit"),
                view.summaryText());
        save(drawView(view, 900, 640), "learner-view-default.png");
        save(LearningCurveChart.image(view.chart().curve(), 800, 450), "learning-curve-default.png");

        GfeLearnerNodeView reloaded = openView(result.reloadedModel(), learner);
        assertEquals(keptSeries, LearningCurveChart.keptSeries(reloaded.chart().chart()), "kept after reloading");
        assertEquals(view.statusText(), reloaded.statusText());
    }

    @Test
    void stoppingWhileTheEpochsAreChosenGivesPcasReconstruction() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = defaultDesign();
        GfeLearnerNodeView view = openView(learner.model(), learner);
        AtomicBoolean clicked = new AtomicBoolean();
        ExecutionProbe probe = new ExecutionProbe().onProgress(event -> {
            String message = event.message() == null ? "" : event.message();
            if (message.contains("fold 1 of 4: epoch 3/") && !clicked.getAndSet(true)) {
                onEdt(() -> {
                    assertTrue(view.stopButton().isEnabled());
                    view.stopButton().doClick();
                });
            }
        });
        ExecutionResult<GfeLearnerNodeModel> result = learner.useProbe(probe).execute(CurvedData.table(100, 3),
                null);
        assertTrue(clicked.get());
        assertEquals("stopped by the user", result.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        assertTrue(result.warning().startsWith("Stopped by the user while choosing the epochs on validation rows;"
                + " the model is PCA's reconstruction (epoch 0)."), result.warning());
        assertEquals(0, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE), "no final fit: PCA");
        assertEquals(0, result.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE));
        String[] stages = Tables.strings(result.table(1), "Stage");
        boolean[] kept = DefaultLearnerTest.booleans(result.table(1), "Kept");
        assertEquals("final fit", stages[stages.length - 1]);
        assertTrue(kept[kept.length - 1], "the decoder as initialised on all rows is kept");
        GfeModelPortObject model = result.port(0, GfeModelPortObject.class);
        assertEquals("stopped by the user", model.outcome().stopReason());
        SwingUtilities.invokeAndWait(() -> { });
        TestNodeAccess.viewModelChanged(view);
        assertTrue(view.statusText().startsWith("Stopped by the user while choosing the epochs"), view.statusText());
        assertFalse(view.stopButton().isEnabled());
    }

    @Test
    void stoppingTheFinalFitKeepsTheDecoderTrainedSoFar() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = defaultDesign();
        GfeLearnerNodeView view = openView(learner.model(), learner);
        AtomicBoolean clicked = new AtomicBoolean();
        ExecutionProbe probe = new ExecutionProbe().onProgress(event -> {
            if (event.message() != null && event.message().startsWith("Final fit on all rows: epoch 2/")
                    && !clicked.getAndSet(true)) {
                onEdt(() -> view.stopButton().doClick());
            }
        });
        ExecutionResult<GfeLearnerNodeModel> result = learner.useProbe(probe).execute(CurvedData.table(100, 3),
                null);
        assertTrue(clicked.get(), "the final fit ran");
        assertEquals("stopped by the user", result.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        assertEquals(2, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE),
                "stopped after the first batch of epoch 2");
        assertTrue(result.warning().startsWith("Stopped by the user in the final fit on all rows, in epoch 2 of "),
                result.warning());
        boolean[] kept = DefaultLearnerTest.booleans(result.table(1), "Kept");
        String[] stages = Tables.strings(result.table(1), "Stage");
        double[] epochs = Tables.column(result.table(1), "Epoch");
        int last = stages.length - 1;
        assertTrue(kept[last] && stages[last].equals("final fit") && epochs[last] == 2, "the last row is kept");
        SwingUtilities.invokeAndWait(() -> { });
        TestNodeAccess.viewModelChanged(view);
        assertTrue(view.statusText().startsWith("Stopped by the user in the final fit"), view.statusText());
        save(drawView(view, 900, 640), "learner-view-default-stopped.png");
    }

    @Test
    void whenPcaIsKeptTheViewMarksEpochZeroOfTheChoiceAndSaysWhy() throws Exception {
        // rows on a plane plus noise: nothing for a correction to learn
        java.util.Random random = new java.util.Random(5);
        double[][] rows = new double[60][6];
        for (double[] row : rows) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int p = 0; p < 6; p++) {
                row[p] = a * Math.cos(p) + b * Math.sin(p) + 0.3 * random.nextGaussian();
            }
        }
        NodeHarness<GfeLearnerNodeModel> learner = defaultDesign();
        learner.edit().setInt("latent_dimension", 2);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(rows), null);
        assertEquals(0, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE));
        assertEquals("PCA kept: the correction did not beat PCA on held-out rows",
                result.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        GfeLearnerNodeView view = openView(learner.model(), learner);
        XYChart chart = view.chart().chart();
        String keptSeries = LearningCurveChart.keptSeries(chart);
        assertEquals(LearningCurveChart.KEPT + " (epoch 0)", keptSeries);
        XYSeries validation = chart.getSeriesMap().get(LearningCurveChart.VALIDATION
                + " (choosing the epochs, mean of 4 folds)");
        assertEquals(validation.getYData()[0], chart.getSeriesMap().get(keptSeries).getYData()[0],
                "the kept marker sits on PCA's held-out loss (epoch 0 of the choice)");
        assertTrue(view.statusText().startsWith("Finished: the MLP correction did not beat PCA on 4-fold"
                + " validation, so the model is PCA's reconstruction (epoch 0)."), view.statusText());
        assertTrue(view.summaryText().contains("so the model is PCA's reconstruction"), view.summaryText());
        save(drawView(view, 900, 640), "learner-view-pca-kept.png");
    }

    @Test
    void aLossSpanningDecadesIsDrawnOnALogarithmicAxisLabelledByItsPowersOfTen() throws Exception {
        List<LearningCurve.EpochPoint> points = new ArrayList<>();
        for (int epoch = 1; epoch <= 6; epoch++) {
            points.add(new LearningCurve.EpochPoint("TRAINING", epoch, Math.pow(10, -epoch), Double.NaN, 3, true));
        }
        LearningCurve curve = new LearningCurve(LearningCurve.Status.FINISHED, 6, 3, points, "Finished.", "");
        XYChart chart = LearningCurveChart.chart(curve, 640, 360);
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "five decades");
        assertNull(chart.getStyler().getyAxisTickLabelsFormattingFunction(),
                "XChart would label a logarithmic axis as a linear one when given a formatting function");
        save(LearningCurveChart.image(curve, 640, 360), "learning-curve-decades.png");
        points.replaceAll(p -> new LearningCurve.EpochPoint("TRAINING", p.epoch(), 0.1 + 0.1 * p.epoch(),
                Double.NaN, 3, true));
        XYChart linear = LearningCurveChart.chart(new LearningCurve(LearningCurve.Status.FINISHED, 6, 3, points,
                "Finished.", ""), 640, 360);
        assertFalse(linear.getStyler().isYAxisLogarithmic());
        assertNotNull(linear.getStyler().getyAxisTickLabelsFormattingFunction());
    }

    private static void onEdt(Runnable action) {
        try {
            SwingUtilities.invokeAndWait(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyNodesViewsAreDescribed() {
        AllNodes.factories().forEach(factory -> {
            int views = factory.getXMLDescription().getElementsByTagNameNS("*", "view").getLength();
            assertEquals(TestNodeAccess.nrNodeViews(factory), views, factory.getNodeName() + ": one <view> per view");
        });
    }

    private static void assertPoints(XYChart chart, String series, int epochs) {
        XYSeries s = chart.getSeriesMap().get(series);
        assertNotNull(s, series + " is drawn");
        double[] x = s.getXData();
        assertEquals(epochs, x.length, series + ": one point per epoch");
        for (int i = 0; i < x.length; i++) {
            assertEquals(i + 1, x[i], series + ": epoch " + (i + 1));
        }
    }

    /** The view's whole component laid out and painted into an image, as a window would show it. */
    private static BufferedImage drawView(GfeLearnerNodeView view, int width, int height) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> image[0] = paint(view, width, height));
        return image[0];
    }

    /** Paints the view on the calling thread (the event dispatch thread). */
    private static BufferedImage paint(GfeLearnerNodeView view, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Component component = TestNodeAccess.viewComponent(view);
        component.setSize(width, height);
        layOut(component);
        Graphics2D g = image.createGraphics();
        try {
            component.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void layOut(Component component) {
        if (component instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    private static boolean isBlank(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void save(BufferedImage image, String name) throws IOException {
        Files.createDirectories(PICTURES);
        ImageIO.write(image, "png", PICTURES.resolve(name).toFile());
    }
}
