package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.PortObjectRoundTrip;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.solver.SolverSettingsNodeModel;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;

/** The model and solver ports survive KNIME's serializers (save/load, Model Writer/Reader) unchanged. */
class ModelPortTest {

    @Test
    void aModelReadBackThroughItsSerializerEncodesIdentically() throws Exception {
        BufferedDataTable table = SmallData.table(60, 1);
        ExecutionResult<GfeLearnerNodeModel> learned =
                GfeNodes.learner(2, "8", 2).execute(table, GfeNodes.fastSolver());
        GfeModelPortObject original = (GfeModelPortObject) learned.original(0);
        GfeModelPortObject reread = learned.port(0, GfeModelPortObject.class);
        assertNotSame(original, reread, "the harness hands out the deserialized port object");
        assertEquals(original.getSpec(), reread.getSpec());
        assertEquals(original.getSummary(), reread.getSummary());
        assertEquals(original.outcome(), reread.outcome());

        double[][] before = codes(original, table);
        double[][] after = codes(reread, table);
        for (int m = 0; m < before.length; m++) {
            assertArrayEquals(before[m], after[m], 0, "row " + m);
        }
    }

    @Test
    void theModelSpecSurvivesItsSerializer() throws Exception {
        GfeModelPortObjectSpec spec = (GfeModelPortObjectSpec) GfeNodes.learner(3, "16, 8", 1)
                .configure(Tables.doubleSpec(SmallData.COLUMNS), null)[0];
        GfeModelPortObjectSpec reread = PortObjectRoundTrip.roundTripSpec(spec);
        assertEquals(spec, reread);
        assertEquals("3-16-8-6 ELU", reread.architecture());
        assertEquals(List.of(SmallData.COLUMNS), reread.columnNames());
    }

    @Test
    void solverSettingsSurviveTheirSerializer() throws Exception {
        NodeHarness<SolverSettingsNodeModel> node = GfeNodes.solver();
        node.edit().setDouble("tau", GfeNodes.FAST_TAU);
        ExecutionResult<SolverSettingsNodeModel> result = node.execute();
        assertTrue(result.otherSpecDifferences().isEmpty(), "configure knew the settings");
        SolverSettingsPortObject solver = (SolverSettingsPortObject) result.original(0);
        SolverSettingsPortObject reread = PortObjectRoundTrip.roundTrip(solver);
        assertEquals(solver.settings(), reread.settings());
        assertEquals(GfeNodes.FAST_TAU, reread.settings().endTime());
        assertEquals(solver.getSpec(), PortObjectRoundTrip.roundTripSpec(solver.getSpec()));
    }

    @Test
    void summaryAndViewDescribeTheModel() throws Exception {
        GfeModelPortObject model = GfeNodes.learner(2, "8", 1).execute(SmallData.table(30, 2), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
        assertTrue(model.getSummary().contains("2-8-6 ELU"), model.getSummary());
        assertTrue(model.getSummary().contains("loss Mean squared error"), model.getSummary());
        assertEquals(1, model.getViews().length);
        assertEquals("GFE model", model.getViews()[0].getName());
    }

    @Test
    void portViewsShowLabelsAndOnlyTheIntegratorsOwnParameters() throws Exception {
        NodeHarness<SolverSettingsNodeModel> node = GfeNodes.solver();
        node.edit().setString("integrator", "RK4").setDouble("tau", GfeNodes.FAST_TAU);
        SolverSettingsPortObject solver = node.execute().port(0, SolverSettingsPortObject.class);
        String solverText = ((javax.swing.text.JTextComponent) ((javax.swing.JScrollPane) solver.getViews()[0])
                .getViewport().getView()).getText();
        assertTrue(solverText.contains("Integrator: Runge-Kutta 4, fixed steps"), solverText);
        assertTrue(solverText.contains("Grid points: 1001"), solverText);
        assertFalse(solverText.contains("hmax"), "no AMD parameters for Runge-Kutta 4: " + solverText);
        assertEquals("GFE solver: Runge-Kutta 4, fixed steps; First order (plain gradient flow); tau = 1000,"
                + " alpha = 1", solver.getSummary());

        GfeModelPortObject model = GfeNodes.learner(2, "8", 1).execute(SmallData.table(30, 3), solver)
                .port(0, GfeModelPortObject.class);
        for (String text : new String[] {solverText, solver.getSummary(), model.description(), model.getSummary(),
            model.getSpec().toString()}) {
            assertFalse(RawConstants.shownIn(text), "an enum constant is shown: " + text);
        }
        assertTrue(model.description().contains("Encodes by default with: Runge-Kutta 4, fixed steps"),
                model.description());
    }

    private static double[][] codes(GfeModelPortObject model, BufferedDataTable table) throws Exception {
        return Tables.toArray(GfeNodes.encoder().execute(model, table, null).table(0), "z1", "z2");
    }
}
