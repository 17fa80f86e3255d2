package org.knime.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.text.ParseException;

/** Double of KNIME's DataCellFactory: creates cells of one data type from other representations. */
public interface DataCellFactory {
    DataType getDataType();

    /** Creates cells from strings. */
    interface FromString extends DataCellFactory {
        DataCell createCell(String input);
    }

    /** Creates cells from simple (one-line) strings. */
    interface FromSimpleString extends FromString {
    }

    /** Creates cells from complex (multi-line) strings. */
    interface FromComplexString extends FromString {
    }

    /** Creates cells from a reader. */
    interface FromReader extends DataCellFactory {
        DataCell createCell(Reader input) throws ParseException, IOException;
    }

    /** Creates cells from a stream. */
    interface FromInputStream extends DataCellFactory {
        DataCell createCell(InputStream input) throws IOException;
    }
}
