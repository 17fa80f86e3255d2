package org.knime.core.node.workflow;

/** Double of KNIME's (package-private) FlowObject, the superclass of flow variables. */
abstract class FlowObject implements Cloneable {
    @Override
    protected FlowObject clone() {
        try {
            return (FlowObject)super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
