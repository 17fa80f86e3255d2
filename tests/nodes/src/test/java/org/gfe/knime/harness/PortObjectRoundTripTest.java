package org.gfe.knime.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;

import javax.swing.JComponent;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DoubleVectorCellFactory;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Tables, table specs and custom port objects survive their serializers. */
class PortObjectRoundTripTest {
    @Test
    void tableWithEveryCellTypeRoundTrips() throws Exception {
        final DataTableSpec spec = Tables.spec(new String[]{"d", "i", "l", "s", "v"}, new DataType[]{DoubleCell.TYPE,
            IntCell.TYPE, LongCell.TYPE, StringCell.TYPE, DoubleVectorCellFactory.TYPE});
        final BufferedDataTable table = Tables.of(spec, List.of(
            new DataCell[]{new DoubleCell(-0.5), new IntCell(3), new LongCell(1L << 40), new StringCell("ä b"),
                DoubleVectorCellFactory.createCell(new double[]{1, Double.NaN})},
            new DataCell[]{new MissingCell("why"), DataType.getMissingCell(), new LongCell(-1), new StringCell(""),
                DataType.getMissingCell()}), new String[]{"first", "second"});

        final BufferedDataTable back = PortObjectRoundTrip.roundTrip(table);

        assertEquals(table.getDataTableSpec(), back.getDataTableSpec(), "spec incl. domains");
        assertEquals(2, back.size());
        final Iterator<DataRow> a = table.iterator();
        final Iterator<DataRow> b = back.iterator();
        while (a.hasNext()) {
            assertEquals(a.next(), b.next());
        }
        final DataRow second = Tables.rows(back, 1, 2).iterator().next();
        assertEquals("why", ((MissingCell)second.getCell(0)).getError());
    }

    @Test
    void customPortObjectRoundTripsThroughLegacySerializers() throws Exception {
        final ColumnStatsPortObject stats = new ColumnStatsPortObject(new ColumnStatsSpec("c"), 1.5, 7);
        final ColumnStatsPortObject back = PortObjectRoundTrip.roundTrip(stats);
        assertEquals(1.5, back.mean());
        assertEquals(7, back.count());
        assertEquals(stats.getSpec(), back.getSpec());
        assertEquals("c", back.getSpec().column());
    }

    @Test
    void unregisteredPortObjectNamesPluginXml() {
        final PortObjectSpec spec = new ColumnStatsSpec("c");
        final PortObject unregistered = new PortObject() {
            @Override
            public PortObjectSpec getSpec() {
                return spec;
            }

            @Override
            public String getSummary() {
                return "none";
            }

            @Override
            public JComponent[] getViews() {
                return new JComponent[0];
            }
        };
        final IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> PortObjectRoundTrip.writeObject(unregistered));
        assertTrue(e.getMessage().contains("plugin.xml"), e.getMessage());
    }
}
