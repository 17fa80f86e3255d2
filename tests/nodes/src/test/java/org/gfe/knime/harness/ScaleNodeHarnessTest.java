package org.gfe.knime.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/** The harness drives a tiny rearranger node through the whole KNIME sequence. */
class ScaleNodeHarnessTest {
    private static final String[] COLS = {"x", "y"};

    private static BufferedDataTable input() {
        return Tables.of(COLS, new double[][]{{1, 10}, {2, 20}, {Double.NaN, 30}, {4, 40}});
    }

    @Test
    void executeAppendsScaledColumnAndRoundTripsOutputs() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        final ExecutionResult<ScaleNodeModel> r = h.execute(input());

        final BufferedDataTable out = r.table(0);
        assertArrayEquals(new String[]{"x", "y", "x scaled"}, Tables.columnNames(out));
        assertArrayEquals(new double[]{2, 4, Double.NaN, 8}, Tables.column(out, "x scaled"));
        assertArrayEquals(new String[]{"Row0", "Row1", "Row2", "Row3"}, Tables.rowKeys(out));
        assertNotSame(r.original(0), r.port(0), "outputs must be the deserialized copies");

        final ColumnStatsPortObject stats = r.port(1, ColumnStatsPortObject.class);
        assertEquals(14.0 / 3, stats.mean(), 1e-12);
        assertEquals(3, stats.count());
        assertEquals("x", stats.getSpec().column());

        assertTrue(r.specMismatches().isEmpty(), r.specMismatches().toString());
        assertTrue(r.otherSpecDifferences().isEmpty(), r.otherSpecDifferences().toString());
        assertTrue(((DataTableSpec)r.configuredSpec(0)).equalStructure(out.getDataTableSpec()));
        assertEquals("8.0", out.getDataTableSpec().getColumnSpec(2).getDomain().getUpperBound().toString());
        assertEquals("2.0", out.getDataTableSpec().getColumnSpec(2).getDomain().getLowerBound().toString());
    }

    @Test
    void warningsFlowVariablesProgressAndInternalsAreCaptured() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        final ExecutionResult<ScaleNodeModel> r = h.execute(input());

        assertEquals("1 rows have a missing value in column \"x\"", r.warning());
        assertEquals(1, r.warnings().size());
        assertEquals(3, r.flowVariableInt("scaled_rows"));
        assertEquals(2.0, r.flowVariableDouble("scale_factor"));
        final ProgressEvent last = r.progress().get(r.progress().size() - 1);
        assertEquals(1.0, last.fraction(), 1e-12);
        assertEquals("done", last.message());
        assertTrue(r.progress().stream().anyMatch(e -> e.message() != null && e.message().startsWith("Processed row")));
        assertEquals(14.0 / 3, r.reloadedModel().m_loadedMean, 1e-12);
        assertNull(h.model().mean(), "the executed model must have been reset");
    }

    @Test
    void editedSettingsAreAppliedAndValidated() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.edit().setDouble("factor", 3).setString("column", "y");
        final BufferedDataTable out = h.execute(input()).table(0);
        assertArrayEquals(new double[]{30, 60, 90, 120}, Tables.column(out, "y scaled"));

        h.edit().setDouble("factor", 5000);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> h.execute(input()));
        assertTrue(e.getMessage().contains("\"factor\"") && e.getMessage().contains("5000"), e.getMessage());
    }

    @Test
    void configureNamesAMissingColumn() {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.edit().setString("column", "nope");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> h.configure(input().getDataTableSpec()));
        assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
    }

    @Test
    void settingsOfAnOlderVersionLoadWithDefaultsButMissingRequiredKeysFail() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.edit().setBoolean("round", true).setDouble("factor", 0.3);
        assertArrayEquals(new double[]{0, 1, Double.NaN, 1}, Tables.column(h.execute(input()).table(0), "x scaled"));

        h.edit().remove("round").remove("round_Internals");
        assertFalse(h.edit().contains("round"));
        assertArrayEquals(new double[]{0.3, 0.6, Double.NaN, 1.2},
            Tables.column(h.execute(input()).table(0), "x scaled"), 1e-12);

        h.edit().remove("factor");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, h::applySettings);
        assertTrue(e.getMessage().contains("\"factor\""), e.getMessage());
    }

    @Test
    void inputFlowVariablesCanBePeeked() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.withFlowVariable(new FlowVariable("offset", 100.0));
        assertArrayEquals(new double[]{102, 104, Double.NaN, 108}, Tables.column(h.execute(input()).table(0), "x scaled"));
    }

    @Test
    void parallelCellFactoryUsesWorkersAndKeepsRowOrder() throws Exception {
        final double[][] rows = new double[200][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[]{i, -i};
        }
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.edit().setBoolean("parallel", true);
        final BufferedDataTable out = h.execute(Tables.of(COLS, rows)).table(0);
        final double[] scaled = Tables.column(out, "x scaled");
        for (int i = 0; i < rows.length; i++) {
            assertEquals(2.0 * i, scaled[i]);
        }
        assertEquals(3, h.model().m_cellThreads.size(), h.model().m_cellThreads.toString());
    }

    @Test
    void dialogWritesSettingsTheModelAccepts() throws Exception {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.edit().setDouble("factor", 7);
        final SettingsEditor saved = SettingsEditor.of(h.dialogRoundTrip(input().getDataTableSpec()));
        assertEquals(7.0, saved.getDouble("factor"));
        assertEquals("x", saved.getString("column"));
        assertTrue(saved.contains("round_Internals/SettingsModelID"));
    }

    @Test
    void dialogWithoutNumericInputIsNotConfigurable() {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        final PortObjectSpec strings = Tables.ofStrings(new String[]{"s"}, new String[][]{{"a"}}).getDataTableSpec();
        assertThrows(org.knime.core.node.NotConfigurableException.class, () -> h.dialogRoundTrip(strings));
        assertThrows(org.knime.core.node.NotConfigurableException.class, () -> h.dialogRoundTrip());
    }

    @Test
    void harnessRejectsWrongInputs() {
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        assertThrows(IllegalArgumentException.class, () -> h.execute());
        assertThrows(IllegalArgumentException.class, () -> h.execute((org.knime.core.node.port.PortObject)null));
    }
}
