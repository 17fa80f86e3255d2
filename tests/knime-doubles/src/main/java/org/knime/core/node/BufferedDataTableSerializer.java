package org.knime.core.node;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.MissingCell;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DenseDoubleVectorCell;
import org.knime.core.data.vector.doublevector.DoubleVectorCellFactory;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;

/**
 * Writes the rows of a table into the zip entry {@code data.bin} (the spec travels separately, as in KNIME).
 * Knows the cell types of the double; found reflectively by the PortTypeRegistry double.
 */
final class BufferedDataTableSerializer extends PortObjectSerializer<BufferedDataTable> {
    private static final byte MISSING = 0;

    private static final byte DOUBLE = 1;

    private static final byte INT = 2;

    private static final byte LONG = 3;

    private static final byte STRING = 4;

    private static final byte DOUBLE_VECTOR = 5;

    private static final byte BOOLEAN = 6;

    BufferedDataTableSerializer() {
    }

    @Override
    public void savePortObject(final BufferedDataTable table, final PortObjectZipOutputStream out,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry("data.bin"));
        final DataOutputStream data = new DataOutputStream(out);
        data.writeLong(table.size());
        for (DataRow row : table) {
            exec.checkCanceled();
            data.writeUTF(row.getKey().getString());
            data.writeInt(row.getNumCells());
            for (DataCell cell : row) {
                writeCell(cell, data);
            }
        }
        data.flush();
        out.closeEntry();
    }

    private static void writeCell(final DataCell cell, final DataOutputStream out) throws IOException {
        if (cell instanceof MissingCell) {
            out.writeByte(MISSING);
            final String error = ((MissingCell)cell).getError();
            out.writeBoolean(error != null);
            if (error != null) {
                out.writeUTF(error);
            }
        } else if (cell instanceof DoubleCell) {
            out.writeByte(DOUBLE);
            out.writeDouble(((DoubleCell)cell).getDoubleValue());
        } else if (cell instanceof IntCell) {
            out.writeByte(INT);
            out.writeInt(((IntCell)cell).getIntValue());
        } else if (cell instanceof LongCell) {
            out.writeByte(LONG);
            out.writeLong(((LongCell)cell).getLongValue());
        } else if (cell instanceof StringCell) {
            out.writeByte(STRING);
            out.writeUTF(((StringCell)cell).getStringValue());
        } else if (cell instanceof BooleanCell) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(((BooleanCell)cell).getBooleanValue());
        } else if (cell instanceof DenseDoubleVectorCell) {
            final DenseDoubleVectorCell v = (DenseDoubleVectorCell)cell;
            out.writeByte(DOUBLE_VECTOR);
            out.writeInt(v.getLength());
            for (int i = 0; i < v.getLength(); i++) {
                out.writeDouble(v.getValue(i));
            }
        } else {
            throw new IOException("The KNIME test double cannot save cells of class " + cell.getClass().getName());
        }
    }

    @Override
    public BufferedDataTable loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        if (!(spec instanceof DataTableSpec)) {
            throw new IOException("Loading a table needs its DataTableSpec, got " + spec);
        }
        final ZipEntry entry = in.getNextEntry();
        if (entry == null || !"data.bin".equals(entry.getName())) {
            throw new IOException("Expected zip entry data.bin, found " + (entry == null ? "none" : entry.getName()));
        }
        final DataInputStream data = new DataInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream belongs to the caller
            }
        });
        final long n = data.readLong();
        final List<DataRow> rows = new ArrayList<>();
        for (long r = 0; r < n; r++) {
            exec.checkCanceled();
            final RowKey key = new RowKey(data.readUTF());
            final DataCell[] cells = new DataCell[data.readInt()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = readCell(data);
            }
            rows.add(new DefaultRow(key, cells));
        }
        return new BufferedDataTable((DataTableSpec)spec, rows);
    }

    private static DataCell readCell(final DataInputStream in) throws IOException {
        final byte tag = in.readByte();
        switch (tag) {
            case MISSING: return new MissingCell(in.readBoolean() ? in.readUTF() : null);
            case DOUBLE: return new DoubleCell(in.readDouble());
            case INT: return new IntCell(in.readInt());
            case LONG: return new LongCell(in.readLong());
            case STRING: return new StringCell(in.readUTF());
            case BOOLEAN: return BooleanCell.get(in.readBoolean());
            case DOUBLE_VECTOR:
                final double[] v = new double[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readDouble();
                }
                return DoubleVectorCellFactory.createCell(v);
            default: throw new IOException("Unknown cell tag " + tag + " in saved table");
        }
    }
}
