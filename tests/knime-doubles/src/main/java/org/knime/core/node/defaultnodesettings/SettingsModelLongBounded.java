package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Double of KNIME's SettingsModelLongBounded: values outside [min, max] are rejected. */
public class SettingsModelLongBounded extends SettingsModelLong {
    private final long m_min;

    private final long m_max;

    public SettingsModelLongBounded(final String configName, final long defaultValue, final long minValue,
        final long maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Setting \"" + configName + "\": minimum " + minValue
                + " is larger than maximum " + maxValue);
        }
        m_min = minValue;
        m_max = maxValue;
        if (defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("Setting \"" + configName + "\": default value " + defaultValue
                + " is outside the range [" + minValue + ", " + maxValue + "]");
        }
    }

    @Override
    protected SettingsModelLongBounded createClone() {
        return new SettingsModelLongBounded(getConfigName(), getLongValue(), m_min, m_max);
    }

    public long getLowerBound() {
        return m_min;
    }

    public long getUpperBound() {
        return m_max;
    }

    /** Throws IllegalArgumentException outside [min, max]. */
    @Override
    public void setLongValue(final long newValue) {
        if (newValue < m_min || newValue > m_max) {
            throw new IllegalArgumentException(message(newValue));
        }
        super.setLongValue(newValue);
    }

    @Override
    protected void validateValue(final long value) throws InvalidSettingsException {
        super.validateValue(value);
        if (value < m_min || value > m_max) {
            throw new InvalidSettingsException(message(value));
        }
    }

    private String message(final long value) {
        return "Setting \"" + getConfigName() + "\": value (" + value + ") must be within the range [" + m_min
            + ", " + m_max + "]";
    }
}
