package org.knime.core.data;

/** Double of KNIME's NominalValue: values whose domain keeps the set of possible values. */
public interface NominalValue extends DataValue {
}
