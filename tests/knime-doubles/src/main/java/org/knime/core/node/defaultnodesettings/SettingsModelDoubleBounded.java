package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Double of KNIME's SettingsModelDoubleBounded: values outside [min, max] are rejected. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {
    private final double m_min;

    private final double m_max;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
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
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), m_min, m_max);
    }

    public double getLowerBound() {
        return m_min;
    }

    public double getUpperBound() {
        return m_max;
    }

    /** Throws IllegalArgumentException outside [min, max]. */
    @Override
    public void setDoubleValue(final double newValue) {
        if (newValue < m_min || newValue > m_max) {
            throw new IllegalArgumentException(message(newValue));
        }
        super.setDoubleValue(newValue);
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        super.validateValue(value);
        if (value < m_min || value > m_max) {
            throw new InvalidSettingsException(message(value));
        }
    }

    private String message(final double value) {
        return "Setting \"" + getConfigName() + "\": value (" + value + ") must be within the range [" + m_min
            + ", " + m_max + "]";
    }
}
