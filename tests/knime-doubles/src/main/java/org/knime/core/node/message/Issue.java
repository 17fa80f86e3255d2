package org.knime.core.node.message;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;
import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * The detail of a {@link Message} (package-private in KNIME too): a text, or a problem in a table row. Saved as a
 * config with {@code type} TEXT or TABLE_ROW and the fields of KNIME's DefaultIssue/RowIssue.
 */
interface Issue {

    /** The text shown in a fixed font. */
    String toPreformatted();

    void saveTo(ConfigBaseWO config);

    static Issue load(final ConfigBaseRO config) throws InvalidSettingsException {
        final String type = config.getString("type");
        switch (type) {
            case "TEXT":
                return new TextIssue(config.getString("preformatted"));
            case "TABLE_ROW":
                return new RowIssue(config.getInt("portIndex"), config.getInt("columnIndex"), config.getLong("rowIndex"),
                    config.getString("message"));
            default:
                throw new InvalidSettingsException("Invalid type: " + type);
        }
    }

    /** KNIME's DefaultIssue. */
    record TextIssue(String preformatted) implements Issue {
        public TextIssue {
            if (preformatted == null) {
                throw new IllegalArgumentException("Argument must not be null");
            }
        }

        @Override
        public String toPreformatted() {
            return preformatted;
        }

        @Override
        public void saveTo(final ConfigBaseWO config) {
            config.addString("type", "TEXT");
            config.addString("preformatted", preformatted);
        }
    }

    /** KNIME's RowIssue: port, column (-1 = unknown), row index and description. */
    record RowIssue(int portIndex, int columnIndex, long rowIndex, String description) implements Issue {
        static final int UNKNOWN = -1;

        static RowIssue create(final int portIndex, final int columnIndex, final long rowIndex, final String description) {
            check(portIndex >= 0, "Invalid port index must be >= 0: " + portIndex);
            check(columnIndex >= 0, "Invalid column index must be >= 0: " + columnIndex);
            check(rowIndex >= 0, "Row index >=0: " + rowIndex);
            return new RowIssue(portIndex, columnIndex, rowIndex, description);
        }

        static RowIssue create(final int portIndex, final long rowIndex, final String description) {
            check(portIndex >= 0, "Invalid port index must be >= 0: " + portIndex);
            check(rowIndex >= 0, "Row index >=0: " + rowIndex);
            return new RowIssue(portIndex, UNKNOWN, rowIndex, description);
        }

        private static void check(final boolean condition, final String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }

        @Override
        public String toPreformatted() {
            return description == null ? "" : description;
        }

        @Override
        public void saveTo(final ConfigBaseWO config) {
            config.addString("type", "TABLE_ROW");
            config.addInt("portIndex", portIndex);
            config.addInt("columnIndex", columnIndex);
            config.addLong("rowIndex", rowIndex);
            config.addString("message", description);
        }
    }
}
