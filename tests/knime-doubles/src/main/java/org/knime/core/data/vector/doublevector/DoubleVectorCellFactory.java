package org.knime.core.data.vector.doublevector;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory;
import org.knime.core.data.DataType;

/** Double of KNIME's DoubleVectorCellFactory. */
public class DoubleVectorCellFactory implements DataCellFactory {
    public static final DataType TYPE = DataType.getType(DenseDoubleVectorCell.class);

    public DoubleVectorCellFactory() {
    }

    @Override
    public DataType getDataType() {
        return TYPE;
    }

    // KNIME 5.3 declares a second type parameter that happens to be named DoubleVectorValue (not an & bound)
    @SuppressWarnings({"unchecked", "hiding"})
    public static <T extends DataCell, DoubleVectorValue> T createCell(final double[] values) {
        return (T)new DenseDoubleVectorCell(values);
    }
}
