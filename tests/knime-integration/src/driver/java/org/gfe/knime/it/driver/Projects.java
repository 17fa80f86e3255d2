package org.gfe.knime.it.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;

/** The projects the tests opened (closed at JVM exit if a test did not), and where their folders go. */
public final class Projects {

    private static final List<NodeID> OPEN = new CopyOnWriteArrayList<>();

    private Projects() {
    }

    /** target/knime-work/&lt;jvm&gt;/workflows */
    static Path root() {
        return Path.of(System.getProperty("gfe.work.dir"), System.getProperty("gfe.jvm.name", "main"), "workflows");
    }

    static void opened(NodeID id) {
        OPEN.add(id);
    }

    static void closed(NodeID id) {
        OPEN.remove(id);
    }

    /** Cancels and removes every project still open. */
    public static void closeAll() {
        for (NodeID id : OPEN) {
            try {
                WorkflowManager project = (WorkflowManager)WorkflowManager.ROOT.getNodeContainer(id);
                project.getParent().cancelExecution(project);
                WorkflowManager.ROOT.removeProject(id);
            } catch (RuntimeException e) {
                // already gone
            }
        }
        OPEN.clear();
    }
}
