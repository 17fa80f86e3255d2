package org.knime.core.node;

import org.w3c.dom.Element;

/** Double of KNIME's NodeDescription: what the node description XML says about a node. */
public abstract class NodeDescription {
    public NodeDescription() {
    }

    public abstract String getIconPath();

    public abstract String getInportDescription(int index);

    public abstract String getInportName(int index);

    public abstract String getInteractiveViewName();

    public abstract String getNodeName();

    public abstract String getOutportDescription(int index);

    public abstract String getOutportName(int index);

    public abstract NodeFactory.NodeType getType();

    public abstract int getViewCount();

    public abstract String getViewDescription(int index);

    public abstract String getViewName(int index);

    public abstract Element getXMLDescription();
}
