package org.knime.core.data.vector.doublevector;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.IntStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.def.DoubleCell;

/** Double of KNIME's DenseDoubleVectorCell; create it with {@link DoubleVectorCellFactory#createCell}. */
public class DenseDoubleVectorCell extends DataCell implements DoubleVectorValue, CollectionDataValue {
    private static final long serialVersionUID = 1L;

    private final double[] m_values;

    DenseDoubleVectorCell(final double[] values) {
        m_values = values.clone();
    }

    @Override
    public int getLength() {
        return m_values.length;
    }

    @Override
    public double getValue(final int index) {
        return m_values[index];
    }

    @Override
    public int size() {
        return m_values.length;
    }

    @Override
    public DataType getElementType() {
        return DoubleCell.TYPE;
    }

    @Override
    public boolean containsBlobWrapperCells() {
        return false;
    }

    @Override
    public Iterator<DataCell> iterator() {
        return IntStream.range(0, m_values.length).mapToObj(i -> (DataCell)new DoubleCell(m_values[i])).iterator();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(m_values, ((DenseDoubleVectorCell)dc).m_values);
    }

    @Override
    protected boolean equalContent(final DataValue otherValue) {
        if (!(otherValue instanceof DoubleVectorValue)) {
            return false;
        }
        final DoubleVectorValue o = (DoubleVectorValue)otherValue;
        if (o.getLength() != m_values.length) {
            return false;
        }
        for (int i = 0; i < m_values.length; i++) {
            if (Double.compare(o.getValue(i), m_values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_values);
    }

    @Override
    public String toString() {
        return Arrays.toString(m_values);
    }
}
