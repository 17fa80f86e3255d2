package org.knime.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DoubleVectorCellFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;

/** Compatibility between types follows the value interfaces of the cells, as in KNIME. */
class DataTypeTest {
    @Test
    void numericTypesAreDoubleCompatibleStringsAreNot() {
        assertTrue(DoubleCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(LongCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(StringCell.TYPE.isCompatible(DataValue.class));
        assertFalse(DoubleVectorCellFactory.TYPE.isCompatible(DoubleValue.class));
        assertEquals(IntValue.class, IntCell.TYPE.getPreferredValueClass());
    }

    @Test
    void superTypesAndCommonSuperTypes() {
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE));
        assertFalse(IntCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        assertTrue(StringCell.TYPE.isASuperTypeOf(DataType.getMissingCell().getType()));
        assertEquals(DoubleCell.TYPE, DataType.getCommonSuperType(IntCell.TYPE, DoubleCell.TYPE));
        final DataType common = DataType.getCommonSuperType(StringCell.TYPE, DoubleCell.TYPE);
        assertTrue(common.isASuperTypeOf(StringCell.TYPE) && common.isASuperTypeOf(DoubleCell.TYPE));
        assertFalse(common.isCompatible(DoubleValue.class));
    }

    @Test
    void namesAndPersistence() throws InvalidSettingsException {
        assertEquals("Number (double)", DoubleCell.TYPE.getName());
        assertEquals("Number (integer)", IntCell.TYPE.toString());
        assertEquals("String", StringCell.TYPE.getName());
        final ModelContent c = new ModelContent("t");
        LongCell.TYPE.save(c);
        assertEquals(LongCell.TYPE, DataType.load(c));
        assertNotEquals(LongCell.TYPE, IntCell.TYPE);
    }

    @Test
    void cellsCompareByValueAndMissingCellsAreEqual() {
        assertEquals(new DoubleCell(Double.NaN), new DoubleCell(Double.NaN));
        assertNotEquals(new DoubleCell(1), new IntCell(1));
        assertEquals(new MissingCell("a"), DataType.getMissingCell());
        assertTrue(DataType.getMissingCell().isMissing());
    }
}
