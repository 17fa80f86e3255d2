package org.knime.core.data.def;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.DataContainer;

/** BooleanCell: two singletons, numeric as 1/0, "Boolean value" type compatible with numbers, nominal domain. */
class BooleanCellTest {
    @Test
    void factoryGivesTheTwoSingletons() {
        assertSame(BooleanCell.TRUE, BooleanCell.BooleanCellFactory.create(true));
        assertSame(BooleanCell.FALSE, BooleanCell.BooleanCellFactory.create(false));
        assertSame(BooleanCell.TRUE, BooleanCell.BooleanCellFactory.create("TRUE"));
        assertSame(BooleanCell.FALSE, BooleanCell.BooleanCellFactory.create("yes"), "Boolean.parseBoolean semantics");
        assertSame(BooleanCell.TRUE, new BooleanCell.BooleanCellFactory().createCell("true"));
        assertEquals(BooleanCell.TYPE, new BooleanCell.BooleanCellFactory().getDataType());
        assertEquals(BooleanCell.TYPE, BooleanCell.TYPE.getCellFactory(null).orElseThrow().getDataType(),
            "the type finds its nested factory");
    }

    @Test
    void valuesAreOneAndZero() {
        assertTrue(BooleanCell.TRUE.getBooleanValue());
        assertEquals(1, BooleanCell.TRUE.getIntValue());
        assertEquals(0L, BooleanCell.FALSE.getLongValue());
        assertEquals(1.0, BooleanCell.TRUE.getDoubleValue());
        assertEquals(0.0, BooleanCell.FALSE.getRealValue());
        assertEquals(0.0, BooleanCell.TRUE.getImaginaryValue());
        assertEquals("true", BooleanCell.TRUE.toString());
        assertEquals(BooleanCell.TRUE, BooleanCell.BooleanCellFactory.create(true));
        assertNotEquals(BooleanCell.TRUE, new IntCell(1), "cells of different types are not equal");
    }

    @Test
    void typeIsBooleanAndNumericAndNominal() {
        final DataType t = BooleanCell.TYPE;
        assertEquals(BooleanValue.class, t.getPreferredValueClass());
        assertTrue(t.isCompatible(BooleanValue.class));
        assertTrue(t.isCompatible(DoubleValue.class));
        assertTrue(t.isCompatible(IntValue.class));
        assertTrue(t.isCompatible(NominalValue.class));
        assertFalse(t.isCompatible(StringValue.class));
        assertEquals("Boolean value", t.getName());
        assertSame(BooleanValue.UTILITY, DataType.getUtilityFor(BooleanValue.class));
    }

    @Test
    void containerDomainHasBothBoundsAndValues() {
        final DataContainer c = new DataContainer(new DataTableSpec(new String[]{"flag"}, new DataType[]{BooleanCell.TYPE}));
        c.addRowToTable(new DefaultRow("a", BooleanCell.TRUE));
        c.addRowToTable(new DefaultRow("b", BooleanCell.FALSE));
        c.addRowToTable(new DefaultRow("c", DataType.getMissingCell()));
        c.close();
        final DataColumnDomain d = c.getTable().getDataTableSpec().getColumnSpec(0).getDomain();
        assertEquals(BooleanCell.FALSE, d.getLowerBound());
        assertEquals(BooleanCell.TRUE, d.getUpperBound());
        assertEquals(Set.of(BooleanCell.TRUE, BooleanCell.FALSE), d.getValues());
    }
}
