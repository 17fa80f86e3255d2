package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.MissingCell;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.vector.doublevector.DenseDoubleVectorCell;
import org.knime.core.data.vector.doublevector.DoubleVectorCellFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Double of KNIME's Config: a {@link ConfigBase} that can also hold cells, data types and row keys. Cells are
 * stored as a sub-config with the cell class and its value (the cell types of the double only).
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {
    private static final long serialVersionUID = 1L;

    private static final String ARRAY_SIZE = "array-size";

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getConfigBase(key);
    }

    // ---- cells ----

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        final Config c = addConfig(key);
        if (cell == null) {
            c.addBoolean("is_null", true);
            return;
        }
        c.addString("datacell", cell.getClass().getName());
        if (cell instanceof MissingCell) {
            c.addString("error", ((MissingCell)cell).getError());
        } else if (cell instanceof DoubleCell) {
            c.addDouble("value", ((DoubleCell)cell).getDoubleValue());
        } else if (cell instanceof IntCell) {
            c.addInt("value", ((IntCell)cell).getIntValue());
        } else if (cell instanceof LongCell) {
            c.addLong("value", ((LongCell)cell).getLongValue());
        } else if (cell instanceof StringCell) {
            c.addString("value", ((StringCell)cell).getStringValue());
        } else if (cell instanceof BooleanCell) {
            c.addBoolean("value", ((BooleanCell)cell).getBooleanValue());
        } else if (cell instanceof DenseDoubleVectorCell) {
            final DenseDoubleVectorCell v = (DenseDoubleVectorCell)cell;
            final double[] values = new double[v.getLength()];
            for (int i = 0; i < values.length; i++) {
                values[i] = v.getValue(i);
            }
            c.addDoubleArray("value", values);
        } else {
            throw new IllegalArgumentException("The KNIME test double cannot store a " + cell.getClass().getName()
                + " in a config (key \"" + key + "\")");
        }
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (c.getBoolean("is_null", false)) {
            return null;
        }
        final String cls = c.getString("datacell");
        if (MissingCell.class.getName().equals(cls)) {
            return new MissingCell(c.getString("error", null));
        } else if (DoubleCell.class.getName().equals(cls)) {
            return new DoubleCell(c.getDouble("value"));
        } else if (IntCell.class.getName().equals(cls)) {
            return new IntCell(c.getInt("value"));
        } else if (LongCell.class.getName().equals(cls)) {
            return new LongCell(c.getLong("value"));
        } else if (StringCell.class.getName().equals(cls)) {
            return new StringCell(c.getString("value"));
        } else if (BooleanCell.class.getName().equals(cls)) {
            return BooleanCell.get(c.getBoolean("value"));
        } else if (DenseDoubleVectorCell.class.getName().equals(cls)) {
            return DoubleVectorCellFactory.createCell(c.getDoubleArray("value"));
        }
        throw new InvalidSettingsException("Cell class " + cls + " under key \"" + key
            + "\" is not supported by the KNIME test double");
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        try {
            return getDataCell(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... cells) {
        final Config c = addConfig(key);
        if (cells != null) {
            c.addInt(ARRAY_SIZE, cells.length);
            for (int i = 0; i < cells.length; i++) {
                c.addDataCell(Integer.toString(i), cells[i]);
            }
        }
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!c.containsKey(ARRAY_SIZE)) {
            return null;
        }
        final DataCell[] out = new DataCell[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getDataCell(Integer.toString(i));
        }
        return out;
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        try {
            return getDataCellArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---- data types ----

    @Override
    public void addDataType(final String key, final DataType type) {
        final Config c = addConfig(key);
        if (type == null) {
            c.addBoolean("is_null", true);
        } else {
            type.save(c);
        }
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        return c.getBoolean("is_null", false) ? null : DataType.load(c);
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        try {
            return getDataType(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataTypeArray(final String key, final DataType... types) {
        final Config c = addConfig(key);
        if (types != null) {
            c.addInt(ARRAY_SIZE, types.length);
            for (int i = 0; i < types.length; i++) {
                c.addDataType(Integer.toString(i), types[i]);
            }
        }
    }

    @Override
    public DataType[] getDataTypeArray(final String key) throws InvalidSettingsException {
        final Config c = getConfig(key);
        if (!c.containsKey(ARRAY_SIZE)) {
            return null;
        }
        final DataType[] out = new DataType[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getDataType(Integer.toString(i));
        }
        return out;
    }

    @Override
    public DataType[] getDataTypeArray(final String key, final DataType... def) {
        try {
            return getDataTypeArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---- row keys (stored as strings) ----

    @Override
    public void addRowKey(final String key, final RowKey rowKey) {
        addString(key, rowKey == null ? null : rowKey.getString());
    }

    @Override
    public RowKey getRowKey(final String key) throws InvalidSettingsException {
        final String s = getString(key);
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey getRowKey(final String key, final RowKey def) {
        try {
            return getRowKey(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addRowKeyArray(final String key, final RowKey... rowKeys) {
        addStringArray(key, rowKeys == null ? null : RowKey.toStrings(rowKeys));
    }

    @Override
    public RowKey[] getRowKeyArray(final String key) throws InvalidSettingsException {
        final String[] s = getStringArray(key);
        return s == null ? null : RowKey.toRowKeys(s);
    }

    @Override
    public RowKey[] getRowKeyArray(final String key, final RowKey... def) {
        try {
            return getRowKeyArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }
}
