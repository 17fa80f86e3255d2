package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Double of KNIME's SettingsModelIntegerBounded: values outside [min, max] are rejected. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    private final int m_min;

    private final int m_max;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
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
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_min, m_max);
    }

    public int getLowerBound() {
        return m_min;
    }

    public int getUpperBound() {
        return m_max;
    }

    /** Throws IllegalArgumentException outside [min, max]. */
    @Override
    public void setIntValue(final int newValue) {
        if (newValue < m_min || newValue > m_max) {
            throw new IllegalArgumentException(message(newValue));
        }
        super.setIntValue(newValue);
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        super.validateValue(value);
        if (value < m_min || value > m_max) {
            throw new InvalidSettingsException(message(value));
        }
    }

    private String message(final int value) {
        return "Setting \"" + getConfigName() + "\": value (" + value + ") must be within the range [" + m_min
            + ", " + m_max + "]";
    }
}
