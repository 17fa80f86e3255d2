package org.knime.core.data.def;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory.FromComplexString;
import org.knime.core.data.DataCellFactory.FromInputStream;
import org.knime.core.data.DataCellFactory.FromReader;
import org.knime.core.data.DataCellFactory.FromSimpleString;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/** Double of KNIME's StringCell. */
public final class StringCell extends DataCell implements StringValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    public StringCell(final String str) {
        m_string = Objects.requireNonNull(str, "String value can't be null; use a missing cell instead");
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }

    @Override
    public String toString() {
        return m_string;
    }

    /** Creates string cells. */
    public static final class StringCellFactory
        implements FromSimpleString, FromComplexString, FromReader, FromInputStream {
        public static final DataType TYPE = StringCell.TYPE;

        public StringCellFactory() {
        }

        @Override
        public DataType getDataType() {
            return TYPE;
        }

        public static DataCell create(final String s) {
            return new StringCell(s);
        }

        @Override
        public DataCell createCell(final String s) {
            return create(s);
        }

        @Override
        public DataCell createCell(final Reader input) throws IOException {
            final StringWriter w = new StringWriter();
            input.transferTo(w);
            return create(w.toString());
        }

        @Override
        public DataCell createCell(final InputStream input) throws IOException {
            return create(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
