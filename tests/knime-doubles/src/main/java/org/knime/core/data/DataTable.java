package org.knime.core.data;

/** Double of KNIME's DataTable: a spec and an iterator over the rows. */
public interface DataTable extends Iterable<DataRow> {
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
