package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knime.core.node.NodeModel;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * The GFE Learner's view in KNIME: what it draws lives in the node model (its training monitor), so that the view
 * shows the curve while training runs and, from the node's internals, after the workflow was saved and loaded. The
 * view itself cannot be made here: KNIME's NodeView constructor creates a JFrame, which a headless JVM refuses (the
 * node tests draw the view against the doubles). The plugin's classes are reached by reflection (it exports no
 * package); the curve is drawn with the plugin's embedded XChart.
 */
public final class LearnerView {

    private static final int EPOCHS = 4;

    private LearnerView() {
    }

    public static String curveAfterExecuteAndAfterLoad() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the tests must run headless");
        Path dir;
        String executed;
        try (Wf wf = Wf.create("learner-view")) {
            NodeID source = wf.tecator(0, 60);
            NodeID solver = wf.fastSolver();
            NodeID learner = wf.learner(2, "16", EPOCHS);
            wf.connect(source, 1, learner, 1);
            wf.connect(solver, 1, learner, 2);
            wf.executeAll();
            executed = check(wf, learner, "learner-view-in-knime.png");
            wf.save();
            dir = wf.dir();
        }
        try (Wf wf = Wf.load(dir)) {
            NodeID learner = wf.wfm().getNodeContainers().stream()
                    .filter(nc -> nc.getName().equals("GFE Learner")).findFirst().orElseThrow().getID();
            return "executed: " + executed + " | after load: " + check(wf, learner, "learner-view-loaded.png");
        }
    }

    /** The curve the Learner's view would show: one point per epoch, the stop reason; drawn into a PNG. */
    private static String check(Wf wf, NodeID learner, String png) throws Exception {
        NativeNodeContainer node = (NativeNodeContainer) wf.node(learner);
        assertEquals(1, node.getNrNodeViews(), "the Learner has one view");
        NodeModel model = node.getNodeModel();
        Method monitorOf = model.getClass().getDeclaredMethod("monitor");
        monitorOf.setAccessible(true);
        Object monitor = monitorOf.invoke(model);
        Method curveOf = monitor.getClass().getDeclaredMethod("curve");
        curveOf.setAccessible(true);
        Object curve = curveOf.invoke(monitor);
        List<?> epochs = (List<?>) curve.getClass().getMethod("epochs").invoke(curve);
        assertEquals(EPOCHS, epochs.size(), "one point per epoch");
        String status = (String) curve.getClass().getMethod("statusText").invoke(curve);
        assertEquals("Finished: trained all " + EPOCHS + " epoch(s).", status);
        Class<?> chartClass = model.getClass().getClassLoader()
                .loadClass("org.gfe.knime.node.learner.LearningCurveChart");
        Object chart = chartClass.getMethod("chart", curve.getClass(), int.class, int.class).invoke(null, curve, 800,
                450);
        Map<?, ?> series = (Map<?, ?>) chart.getClass().getMethod("getSeriesMap").invoke(chart);
        Object training = series.get("Training loss");
        assertEquals(EPOCHS, ((double[]) training.getClass().getMethod("getXData").invoke(training)).length);
        BufferedImage image = (BufferedImage) chartClass.getMethod("image", curve.getClass(), int.class, int.class)
                .invoke(null, curve, 800, 450);
        ImageIO.write(image, "png", Projects.root().resolve(png).toFile());
        return status;
    }
}
