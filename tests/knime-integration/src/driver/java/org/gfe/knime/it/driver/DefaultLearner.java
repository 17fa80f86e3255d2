package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.extension.NodeFactoryProvider;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowObjectStack;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.VariableType;

/**
 * The GFE Learner as a new node comes (the defaults for tables of measurements), and a Learner of settings version 2
 * (a fixture saved by that version), in real KNIME workflows.
 */
public final class DefaultLearner {

    static final long SPLIT_SEED = 11;
    static final int TRAINING_ROWS = 151; // 70 % of tecator's 215 rows

    private DefaultLearner() {
    }

    /**
     * Default Learner -> Encoder -> Reconstructor on a seeded 70/30 split of tecator, nothing connected to the solver
     * ports, only the latent dimension set. Checks what configure promised against what execute delivered, the
     * per-epoch history and the flow variables; returns {training rows, held-out rows, reconstructed held-out rows,
     * Learner seconds, kept epoch, stop reason, model summary} for the caller to judge against PCA.
     */
    public static Object[] onTecator(int latentDimension) throws Exception {
        try (Wf wf = Wf.create("default-learner-" + latentDimension)) {
            NodeID training = wf.tecatorShuffled(SPLIT_SEED, 0, TRAINING_ROWS);
            NodeID heldOut = wf.tecatorShuffled(SPLIT_SEED, TRAINING_ROWS, -1);
            NodeID learner = wf.add(Wf.LEARNER);
            wf.settings(learner, m -> m.addInt("latent_dimension", latentDimension));
            NodeID encoder = wf.add(Wf.ENCODER);
            NodeID reconstructor = wf.add(Wf.RECONSTRUCTOR);
            wf.connect(training, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(heldOut, 1, encoder, 2);
            wf.connect(learner, 1, reconstructor, 1);
            wf.connect(encoder, 1, reconstructor, 2);
            PortObjectSpec configuredModel = wf.node(learner).getOutPort(1).getPortObjectSpec();
            DataTableSpec configuredHistory = (DataTableSpec)wf.node(learner).getOutPort(2).getPortObjectSpec();
            assertTrue(configuredModel != null && configuredHistory != null, "not configured: " + wf.states());

            long start = System.nanoTime();
            wf.executeAll();
            double seconds = (System.nanoTime() - start) / 1e9;

            PortObject model = wf.port(learner, 1);
            assertEquals(configuredModel, model.getSpec(), "configure's model spec is the executed one");
            assertTrue(model.getSpec().toString().contains("linear (PCA start) + MLP correction, hidden layers sized"
                    + " to the data"), model.getSpec().toString());
            BufferedDataTable history = wf.table(learner, 2);
            assertTrue(configuredHistory.equalStructure(history.getDataTableSpec()), "history spec");
            assertEquals(List.of("Stage", "Epoch", "Rows seen", "Training loss", "Validation loss", "Kept",
                    "Elapsed seconds"), Tables.columns(history.getDataTableSpec()));
            int stage = history.getDataTableSpec().findColumnIndex("Stage");
            int kept = history.getDataTableSpec().findColumnIndex("Kept");
            List<String> stages = new ArrayList<>();
            int keptRows = 0;
            String keptStage = null;
            for (DataRow row : history) {
                stages.add(((StringValue)row.getCell(stage)).getStringValue());
                if (((BooleanValue)row.getCell(kept)).getBooleanValue()) {
                    keptRows++;
                    keptStage = ((StringValue)row.getCell(stage)).getStringValue();
                }
            }
            assertEquals(1, keptRows, "one epoch is kept");
            assertEquals("final fit", keptStage);
            assertTrue(stages.contains("selection"), "151 rows: one held-out share chooses the epochs " + stages);

            FlowObjectStack variables = wf.node(encoder).getFlowObjectStack();
            int keptEpoch = variables.peekFlowVariable("gfe_kept_epoch", VariableType.IntType.INSTANCE)
                    .orElseThrow().getIntValue();
            String stopReason = variables.peekFlowVariable("gfe_stop_reason", VariableType.StringType.INSTANCE)
                    .orElseThrow().getStringValue();
            assertEquals(keptEpoch, variables.peekFlowVariable("gfe_epochs", VariableType.IntType.INSTANCE)
                    .orElseThrow().getIntValue(), "the final fit trains the kept number of epochs");
            assertFalse(stopReason.isEmpty());

            List<String> columns = Tables.columns(wf.table(heldOut, 1).getDataTableSpec());
            double[][] trainingRows = Tables.values(wf.table(training, 1), columns);
            double[][] heldOutRows = Tables.values(wf.table(heldOut, 1), columns);
            double[][] predicted = Tables.values(wf.table(reconstructor, 1),
                    columns.stream().map(c -> c + " (reconstructed)").toList());
            String summary = (String)model.getClass().getMethod("description").invoke(model);
            return new Object[] {trainingRows, heldOutRows, predicted, seconds, keptEpoch, stopReason, summary};
        }
    }

    /** PCA with {@code count} components fitted on {@code fitted}, reconstructing {@code rows} (the plugin's PCA). */
    public static double[][] pcaReconstruction(double[][] fitted, double[][] rows, int count) throws Exception {
        ClassLoader plugin = NodeFactoryProvider.getInstance().getNodeFactory(Wf.LEARNER).orElseThrow().getClass()
                .getClassLoader();
        Class<?> pca = plugin.loadClass("org.gfe.knime.core.data.PrincipalComponents");
        Object fit = pca.getMethod("fit", double[][].class, int.class).invoke(null, fitted, count);
        Method reconstruct = pca.getMethod("reconstruct", double[][].class);
        return (double[][])reconstruct.invoke(fit, (Object)rows);
    }

    /**
     * A Learner of settings version 2 (the settings a version-2 node saved, with a smaller decoder and two epochs so
     * it trains fast; still no key of version 3): the paper's solver, no sizing, the per-batch history, and after the
     * workflow is saved and loaded again the same.
     */
    public static String versionTwoSettingsKeepTheirBehaviour() throws Exception {
        Path dir;
        try (Wf wf = Wf.create("learner-v2")) {
            NodeID source = wf.tecator(0, 60);
            NodeSettings fixture = Wf.settingsResource("learner-settings-v2.xml");
            assertEquals(2, fixture.getInt("gfe_settings_version"), "the fixture is version 2");
            assertFalse(fixture.containsKey("auto_size"), "no key of version 3");
            NodeID learner = wf.learnerFromSettings("learner-settings-v2.xml");
            // the node now holds what it read (its settings say version 3, with the values of version 2)
            wf.settings(learner, m -> {
                m.addInt("latent_dimension", 2);
                m.addString("hidden_sizes", "8");
                m.addInt("epochs", 2);
            });
            wf.connect(source, 1, learner, 1);
            wf.executeAll();
            checkVersionTwoRun(wf, learner);
            // KNIME keeps the settings it loaded (version 2) until a dialog applies new ones; the node tests check
            // that the node writes them as version 3 with the values of version 2
            assertEquals(2, wf.modelSettings(learner).getInt("gfe_settings_version"));
            wf.save();
            dir = wf.dir();
        }
        try (Wf wf = Wf.load(dir)) {
            NodeID learner = SaveLoad.byName(wf, "GFE Learner");
            wf.wfm().resetAndConfigureNode(learner);
            wf.executeAll();
            return checkVersionTwoRun(wf, learner) + " | after save, load and a new run: the same";
        }
    }

    private static String checkVersionTwoRun(Wf wf, NodeID learner) throws Exception {
        BufferedDataTable history = wf.table(learner, 2);
        assertEquals(List.of("Epoch", "Batch", "Rows seen", "Training loss", "Elapsed seconds"),
                Tables.columns(history.getDataTableSpec()), "the per-batch history of version 2");
        assertEquals(2 * 4, history.size(), "60 rows in batches of 16: 4 batches per epoch, 2 epochs");
        FlowObjectStack variables = wf.node(learner).getOutPort(1).getFlowObjectStack();
        assertEquals(2, variables.peekFlowVariable("gfe_epochs", VariableType.IntType.INSTANCE).orElseThrow()
                .getIntValue());
        assertEquals("all epochs", variables.peekFlowVariable("gfe_stop_reason", VariableType.StringType.INSTANCE)
                .orElseThrow().getStringValue());
        PortObject model = wf.port(learner, 1);
        String summary = (String)model.getClass().getMethod("description").invoke(model);
        assertTrue(summary.contains("tau = 10000") && summary.contains("Start of the flow: Seeded random"),
                "the paper's solver: " + summary);
        assertTrue(model.getSpec().toString().contains("decoder 2-8-103 ELU"), model.getSpec().toString());
        return "version-2 Learner: " + history.size() + " per-batch history rows, " + model.getSummary();
    }
}
