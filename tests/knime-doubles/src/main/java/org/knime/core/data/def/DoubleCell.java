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

/** Double of KNIME's DoubleCell (NaN is a value, not a missing cell). */
public final class DoubleCell extends DataCell
    implements DoubleValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    public double getRealValue() {
        return m_double;
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getCore() {
        return m_double;
    }

    @Override
    public double getMinSupport() {
        return m_double;
    }

    @Override
    public double getMaxSupport() {
        return m_double;
    }

    @Override
    public double getMinCore() {
        return m_double;
    }

    @Override
    public double getMaxCore() {
        return m_double;
    }

    @Override
    public double getCenterOfGravity() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Double.compare(((DoubleCell)dc).m_double, m_double) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }

    /** Creates double cells from numbers and strings. */
    public static final class DoubleCellFactory implements FromSimpleString, FromComplexString {
        public static final DataType TYPE = DoubleCell.TYPE;

        public DoubleCellFactory() {
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        public static DataCell create(final double d) {
            return new DoubleCell(d);
        }

        public static DataCell create(final float f) {
            return new DoubleCell(f);
        }

        public static DataCell create(final int i) {
            return new DoubleCell(i);
        }

        public static DataCell create(final long l) {
            return new DoubleCell(l);
        }

        public static DataCell create(final String s) {
            return new DoubleCell(Double.parseDouble(s.trim()));
        }
    }
}
