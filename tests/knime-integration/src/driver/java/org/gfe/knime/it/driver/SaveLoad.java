package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/** Saving and loading workflows with GFE ports, in this JVM and in a fresh one. */
public final class SaveLoad {

    private SaveLoad() {
    }

    /**
     * First half of the fresh-JVM test: trains, encodes, writes the latents' bits to {@code latentsFile}, saves the
     * executed workflow and returns its folder.
     */
    public static String trainEncodeAndSave(String latentsFile) throws Exception {
        try (Wf wf = Wf.create("fresh-jvm")) {
            NodeID source = wf.tecator(0, -1);
            NodeID solver = wf.fastSolver();
            NodeID learner = wf.learner(2, "32", 5);
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.connect(source, 1, learner, 1);
            wf.connect(solver, 1, learner, 2);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            wf.connect(solver, 1, encoder, 3);
            wf.executeAll();
            Files.write(Path.of(latentsFile), Tables.bits(Tables.values(wf.table(encoder, 1), Tables.latents("z", 2))),
                    StandardCharsets.UTF_8);
            wf.save();
            return wf.dir().toString();
        }
    }

    /**
     * Second half, in a fresh JVM: loads the workflow (everything executed, from disk), resets only the Encoder and
     * executes it again on the LOADED model port; the Learner must not run again. Writes the loaded latents, a line
     * "---", and the re-encoded latents to {@code out}.
     */
    public static String loadAndReencode(String dir, String out) throws Exception {
        long start = System.nanoTime();
        try (Wf wf = Wf.load(Path.of(dir))) {
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            NodeID learner = byName(wf, "GFE Learner");
            NodeID encoder = byName(wf, "GFE Encoder");
            for (NodeContainer nc : wf.wfm().getNodeContainers()) {
                assertTrue(nc.getNodeContainerState().isExecuted(), "after load: " + wf.states());
            }
            List<String> loaded = Tables.bits(Tables.values(wf.table(encoder, 1), Tables.latents("z", 2)));
            List<String> learnerStates = new CopyOnWriteArrayList<>();
            wf.node(learner).addNodeStateChangeListener(e -> learnerStates.add(
                    String.valueOf(wf.node(learner).getNodeContainerState())));

            wf.wfm().resetAndConfigureNode(encoder);
            assertTrue(wf.node(learner).getNodeContainerState().isExecuted(), "resetting the Encoder reset the Learner");
            assertTrue(!wf.node(encoder).getNodeContainerState().isExecuted(), wf.states());
            wf.wfm().executeUpToHere(encoder);
            wf.wfm().waitWhileInExecution(120, TimeUnit.SECONDS);
            assertTrue(wf.node(encoder).getNodeContainerState().isExecuted(), wf.states());
            assertTrue(wf.node(learner).getNodeContainerState().isExecuted(), wf.states());
            assertEquals(List.of(), learnerStates, "the Learner changed state (re-trained?)");
            List<String> again = Tables.bits(Tables.values(wf.table(encoder, 1), Tables.latents("z", 2)));
            List<String> lines = new ArrayList<>(loaded);
            lines.add("---");
            lines.addAll(again);
            Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
            return String.format(java.util.Locale.ROOT, "loaded in %.1f s, re-encoded %d rows on the loaded model",
                    loadSeconds, again.size());
        }
    }

    /** The model and solver-settings ports after save and load: same spec, summary, model bytes, settings. */
    public static String portsSurviveSaveAndLoad() throws Exception {
        Path dir;
        PortObject model;
        PortObject solverPort;
        java.util.Map<String, byte[]> modelEntries;
        try (Wf wf = Wf.create("ports-save-load")) {
            NodeID source = wf.tecator(0, 80);
            NodeID solver = wf.add(Wf.SOLVER);
            wf.settings(solver, m -> {
                m.addString("integrator", "RK4");
                m.addDouble("tau", 20);
                m.addInt("grid_points", 150);
            });
            NodeID learner = wf.learner(2, "16", 2);
            wf.connect(source, 1, learner, 1);
            wf.connect(solver, 1, learner, 2);
            wf.executeAll();
            model = wf.port(learner, 1);
            solverPort = wf.port(solver, 1);
            modelEntries = Wf.serialized(model);
            wf.save();
            dir = wf.dir();
        }
        try (Wf wf = Wf.load(dir)) {
            NodeID learner = byName(wf, "GFE Learner");
            NodeID solver = byName(wf, "GFE Solver Settings");
            PortObject loadedModel = wf.port(learner, 1);
            PortObject loadedSolver = wf.port(solver, 1);
            assertEquals(model.getClass().getName(), loadedModel.getClass().getName());
            assertEquals(model.getSpec(), loadedModel.getSpec());
            assertEquals(model.getSummary(), loadedModel.getSummary());
            Checks.sameModel(modelEntries, Wf.serialized(loadedModel));
            assertEquals(solverPort, loadedSolver);
            assertEquals(solverPort.getSpec(), loadedSolver.getSpec());
            assertEquals(solverPort.getSummary(), loadedSolver.getSummary());
            assertTrue(loadedSolver.getSummary().contains("Runge-Kutta 4"), loadedSolver.getSummary());
            // the loaded ports' views build headless
            for (PortObject port : List.of(loadedModel, loadedSolver)) {
                JComponent[] views = port.getViews();
                assertEquals(1, views.length);
            }
            return "after load: " + loadedModel.getSummary() + " | " + loadedSolver.getSummary();
        }
    }

    static NodeID byName(Wf wf, String name) {
        return wf.wfm().getNodeContainers().stream().filter(nc -> nc.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + ": " + wf.states())).getID();
    }
}
