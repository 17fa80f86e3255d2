package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's DataValue: the marker of all cell value interfaces. */
public interface DataValue {
    UtilityFactory UTILITY = new UtilityFactory();

    /** Cells return themselves; other values cannot be materialized in the double. */
    default DataCell materializeDataCell() {
        if (this instanceof DataCell) {
            return (DataCell)this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " is not a DataCell");
    }

    /** Per-value-type meta information (KNIME adds renderers, comparators and icons). */
    class UtilityFactory {
        protected UtilityFactory() {
        }

        /** No icons in the double. */
        public Icon getIcon() {
            return null;
        }
    }
}
