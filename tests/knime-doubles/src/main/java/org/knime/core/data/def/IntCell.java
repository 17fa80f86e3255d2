package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;

/** Double of KNIME's IntCell. */
public class IntCell extends DataCell implements org.knime.core.data.IntValue, org.knime.core.data.LongValue, DoubleValue, ComplexNumberValue,
    FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_value;

    public IntCell(final int value) {
        m_value = value;
    }

    @Override
    public int getIntValue() {
        return m_value;
    }

    @Override
    public long getLongValue() {
        return m_value;
    }

    @Override
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    public double getRealValue() {
        return m_value;
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getCore() {
        return m_value;
    }

    @Override
    public double getMinSupport() {
        return m_value;
    }

    @Override
    public double getMaxSupport() {
        return m_value;
    }

    @Override
    public double getMinCore() {
        return m_value;
    }

    @Override
    public double getMaxCore() {
        return m_value;
    }

    @Override
    public double getCenterOfGravity() {
        return m_value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Integer.toString(m_value);
    }

    /** Creates cells from numbers and strings. */
    public static final class IntCellFactory implements FromSimpleString, FromComplexString {
        public static final DataType TYPE = IntCell.TYPE;

        public IntCellFactory() {
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        public static DataCell create(final int i) {
            return new IntCell(i);
        }

        public static DataCell create(final String s) {
            return new IntCell(Integer.parseInt(s.trim()));
        }
    }
}
