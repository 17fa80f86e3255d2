package org.knime.core.data;

/** Double of KNIME's BoundedValue: values with an order, for which a domain keeps lower and upper bounds. */
public interface BoundedValue extends DataValue {
}
