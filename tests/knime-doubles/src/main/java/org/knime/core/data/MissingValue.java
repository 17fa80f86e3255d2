package org.knime.core.data;

/** Double of KNIME's MissingValue. */
public interface MissingValue extends DataValue {
    /** Why the value is missing, or null. */
    String getError();
}
