package org.knime.core.node;

import java.util.EventListener;

/** Double of KNIME's NodeModelWarningListener (its callback takes a type the double does not model). */
public interface NodeModelWarningListener extends EventListener {
}
