package org.knime.core.node.defaultnodesettings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/** Settings models save, validate and load like KNIME's, including their "_Internals" and bounds. */
class SettingsModelsTest {
    @Test
    void boundedModelsRejectOutOfRangeValuesNamingTheKey() throws Exception {
        final SettingsModelIntegerBounded m = new SettingsModelIntegerBounded("epochs", 10, 1, 100);
        final NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        assertEquals(10, s.getInt("epochs"));
        assertEquals("SMID_integer", s.getNodeSettings("epochs_Internals").getString("SettingsModelID"));
        s.addInt("epochs", 0);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.validateSettings(s));
        assertTrue(e.getMessage().contains("\"epochs\"") && e.getMessage().contains("[1, 100]"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> m.loadSettingsFrom(s));
        assertEquals(10, m.getIntValue());
        assertThrows(IllegalArgumentException.class, () -> m.setIntValue(101));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelDoubleBounded("rate", 2, 0, 1));
    }

    @Test
    void settingsWithoutInternalsLoadAndOtherModelTypesAreRejected() throws Exception {
        final NodeSettings old = new NodeSettings("model");
        old.addDouble("rate", 0.5);
        final SettingsModelDouble rate = new SettingsModelDouble("rate", 0.1);
        rate.loadSettingsFrom(old);
        assertEquals(0.5, rate.getDoubleValue());
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("rate", "x").saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> rate.loadSettingsFrom(s));
        final SettingsModelDouble clone = rate.createCloneWithValidatedValue(old);
        assertEquals(0.5, clone.getDoubleValue());
    }

    @Test
    void changeListenersAndEnabledStateTravel() throws Exception {
        final SettingsModelBoolean b = new SettingsModelBoolean("flag", false);
        final int[] changes = {0};
        b.addChangeListener(e -> changes[0]++);
        b.setBooleanValue(true);
        b.setBooleanValue(true);
        b.setEnabled(false);
        assertEquals(2, changes[0]);
        final NodeSettings s = new NodeSettings("model");
        b.saveSettingsTo(s);
        final SettingsModelBoolean other = new SettingsModelBoolean("flag", false);
        other.loadSettingsFrom(s);
        assertTrue(other.getBooleanValue());
        assertFalse(other.isEnabled());
    }

    @Test
    void columnFilterDefaultsIncludeAllCompatibleColumns() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new String[]{"a", "b", "s", "i"},
            new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE, IntCell.TYPE});
        final SettingsModelColumnFilter2 f = new SettingsModelColumnFilter2("columns", DoubleValue.class);
        FilterResult r = f.applyTo(spec);
        assertArrayEquals(new String[]{"a", "b", "i"}, r.getIncludes());
        assertArrayEquals(new String[0], r.getExcludes());

        final NodeSettings s = new NodeSettings("model");
        f.saveSettingsTo(s);
        s.getNodeSettings("columns").addStringArray("included_names", "a", "gone");
        s.getNodeSettings("columns").addStringArray("excluded_names", "b");
        s.getNodeSettings("columns").addString("enforce_option", "EnforceInclusion");
        f.loadSettingsFrom(s);
        r = f.applyTo(spec);
        assertArrayEquals(new String[]{"a"}, r.getIncludes());
        assertArrayEquals(new String[]{"b", "i"}, r.getExcludes());
        assertArrayEquals(new String[]{"gone"}, r.getRemovedFromIncludes());

        s.getNodeSettings("columns").addString("filter-type", "name_pattern");
        s.getNodeSettings("columns").getNodeSettings("name_pattern").addString("pattern", "[ab]");
        s.getNodeSettings("columns").getNodeSettings("name_pattern").addString("type", "Regex");
        f.loadSettingsFrom(s);
        assertArrayEquals(new String[]{"a", "b"}, f.applyTo(spec).getIncludes());
        s.getNodeSettings("columns").addString("filter-type", "datatype");
        assertThrows(InvalidSettingsException.class, () -> f.validateSettings(s));
    }

    @Test
    void dialogComponentsLoadAndSaveThroughTheirModels() throws Exception {
        final SettingsModelString loss = new SettingsModelString("loss", "AUTO");
        final DialogComponentStringSelection c = new DialogComponentStringSelection(loss, "Loss", "AUTO", "MSE");
        final NodeSettings in = new NodeSettings("model");
        in.addString("loss", "MSE");
        c.loadSettingsFrom(in, new DataTableSpec[]{new DataTableSpec()});
        assertEquals("MSE", loss.getStringValue());
        final NodeSettings out = new NodeSettings("model");
        c.saveSettingsTo(out);
        assertEquals("MSE", out.getString("loss"));
        loss.setStringValue(null);
        assertThrows(InvalidSettingsException.class, () -> c.saveSettingsTo(new NodeSettings("x")));
        final DialogComponentString name =
            new DialogComponentString(new SettingsModelString("prefix", ""), "Prefix", true, 10);
        assertThrows(InvalidSettingsException.class, () -> name.saveSettingsTo(new NodeSettings("x")));
    }
}
