package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/**
 * Double of KNIME's BooleanCell: the two instances {@link #TRUE} and {@link #FALSE} (create cells with
 * {@link BooleanCellFactory#create(boolean)}); as a number it is 1 or 0, so a boolean column is also a numeric
 * (DoubleValue) column, as in KNIME. Its serializer is not in the double.
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
    ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_boolean;

    BooleanCell(final boolean b) {
        m_boolean = b;
    }

    /** Use {@link BooleanCellFactory#create(boolean)}. */
    @Deprecated
    public static final BooleanCell get(final boolean value) {
        return (BooleanCell)BooleanCellFactory.create(value);
    }

    @Override
    public boolean getBooleanValue() {
        return m_boolean;
    }

    /** 1 or 0. */
    @Override
    public int getIntValue() {
        return m_boolean ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return m_boolean ? 1.0 : 0.0;
    }

    @Override
    public double getCore() {
        return getDoubleValue();
    }

    @Override
    public double getMaxSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMinSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMaxCore() {
        return getDoubleValue();
    }

    @Override
    public double getMinCore() {
        return getDoubleValue();
    }

    @Override
    public double getCenterOfGravity() {
        return getDoubleValue();
    }

    @Override
    public double getImaginaryValue() {
        return 0.0;
    }

    @Override
    public double getRealValue() {
        return getDoubleValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_boolean == m_boolean;
    }

    @Override
    public int hashCode() {
        return getIntValue();
    }

    /** "true" or "false". */
    @Override
    public String toString() {
        return Boolean.toString(m_boolean);
    }

    private Object readResolve() {
        return m_boolean ? TRUE : FALSE;
    }

    /** Creates boolean cells. */
    public static final class BooleanCellFactory implements FromSimpleString, FromComplexString {
        public static final DataType TYPE = BooleanCell.TYPE;

        public BooleanCellFactory() {
        }

        /** {@link Boolean#parseBoolean(String)}: "true" in any case is true, anything else false. */
        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        public static DataCell create(final String s) {
            return Boolean.parseBoolean(s) ? TRUE : FALSE;
        }

        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }
    }
}
