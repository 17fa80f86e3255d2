package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;

import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlOptions;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.extension.NodeFactoryProvider;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.node.v41.KnimeNodeDocument;

/** Node descriptions through KNIME's real parser and schema; port views built headless. */
public final class Descriptions {

    private Descriptions() {
    }

    public static String nodeDescriptionsParseAndValidate() throws Exception {
        List<String> names = new ArrayList<>();
        try (Wf wf = Wf.create("descriptions")) {
            for (String factoryClass : List.of(Wf.SOLVER, Wf.LEARNER, Wf.ENCODER, Wf.RECONSTRUCTOR)) {
                NodeFactory<NodeModel> factory =
                        NodeFactoryProvider.getInstance().<NodeModel>getNodeFactory(factoryClass).orElseThrow();
                factory.init();
                // the description KNIME parses from <Factory>.xml (NodeFactory.createNodeDescription is protected)
                java.lang.reflect.Method parse = NodeFactory.class.getDeclaredMethod("createNodeDescription");
                parse.setAccessible(true);
                NodeDescription description = (NodeDescription)parse.invoke(factory);
                assertEquals("http://knime.org/node/v4.1", factory.getXMLDescription().getNamespaceURI());
                assertEquals("NodeDescription41Proxy", description.getClass().getSimpleName(), factoryClass);
                String xml = factory.getClass().getSimpleName() + ".xml";
                try (InputStream in = factory.getClass().getResourceAsStream(xml)) {
                    KnimeNodeDocument document = KnimeNodeDocument.Factory.parse(in);
                    List<XmlError> errors = new ArrayList<>();
                    assertTrue(document.validate(new XmlOptions().setErrorListener(errors)),
                            xml + " is not valid against KNIME's node description schema 4.1: " + errors);
                }
                assertTrue(factory.getNodeName().startsWith("GFE "), factory.getNodeName());
                assertNotNull(factory.getIcon(), factoryClass + " has no icon");
                NodeID id = wf.add(factoryClass);
                NodeContainer nc = wf.node(id);
                for (int port = 1; port < nc.getNrInPorts(); port++) {
                    assertFalse(factory.getInportName(port - 1).isBlank());
                    assertFalse(factory.getInportDescription(port - 1).isBlank());
                    assertEquals(factory.getInportName(port - 1), nc.getInPort(port).getPortName());
                }
                for (int port = 1; port < nc.getNrOutPorts(); port++) {
                    assertFalse(factory.getOutportName(port - 1).isBlank());
                    assertFalse(factory.getOutportDescription(port - 1).isBlank());
                    assertEquals(factory.getOutportName(port - 1), nc.getOutPort(port).getPortName());
                }
                names.add(factory.getNodeName() + " (" + factory.getType() + ", " + (nc.getNrInPorts() - 1) + " in, "
                        + (nc.getNrOutPorts() - 1) + " out)");
            }
        }
        return String.join("; ", names);
    }

    public static String portViewsBuildHeadless() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the tests must run headless, as KNIME's batch mode does");
        try (Wf wf = Wf.create("port-views")) {
            NodeID source = wf.tecator(0, 48);
            NodeID solver = wf.fastSolver();
            NodeID learner = wf.learner(2, "16", 1);
            wf.connect(source, 1, learner, 1);
            wf.connect(solver, 1, learner, 2);
            wf.executeAll();
            List<String> views = new ArrayList<>();
            for (PortObject port : List.of(wf.port(learner, 1), wf.port(solver, 1))) {
                JComponent[] components = port.getViews();
                assertEquals(1, components.length);
                assertNotNull(components[0].getName());
                assertFalse(port.getSummary().isBlank());
                views.add(components[0].getName() + ": " + port.getSummary());
            }
            return String.join(" | ", views);
        }
    }
}
