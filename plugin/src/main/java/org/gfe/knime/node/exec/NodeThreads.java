package org.gfe.knime.node.exec;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.gfe.knime.core.engine.ParallelWork;
import org.knime.core.node.KNIMEConstants;
import org.knime.core.util.ThreadPool;

/**
 * The threads a GFE node lends the core ({@link ParallelWork}): the node's own thread, which works too, plus helpers
 * from KNIME's thread pool, so that GFE stays within KNIME's thread limit ({@code org.knime.core.maxThreads},
 * {@link KNIMEConstants#GLOBAL_THREAD_POOL}) however many GFE nodes, parallel chunk loops or executor jobs run at
 * once.
 *
 * <p>How it avoids both oversubscription and deadlock: the node's thread is itself one of KNIME's pool threads and
 * counts against the limit. Helpers come from a sub pool of the pool the node runs in (KNIME's global pool when the
 * node is not on a pool thread) and are started with {@link ThreadPool#trySubmit}: only if a thread is free now,
 * never queued. A helper that cannot start is simply not used: {@link ParallelWork} lets the caller claim every
 * piece that no helper took, and never waits for a helper that has not started. So a busy KNIME runs GFE on the
 * node's thread alone, and no GFE thread ever waits for a pool slot while holding one. The node's thread is not made
 * invisible ({@link ThreadPool#runInvisible}) while it waits for its helpers, because it computes as well.
 */
public final class NodeThreads {

    private NodeThreads() {
    }

    /** The node's thread plus up to {@link #wanted()} - 1 helpers from KNIME's pool. */
    public static ParallelWork forNode() {
        int threads = wanted();
        if (threads == 1) {
            return ParallelWork.CALLER_ONLY;
        }
        ThreadPool current = ThreadPool.currentPool();
        ThreadPool helpers = (current != null ? current : KNIMEConstants.GLOBAL_THREAD_POOL)
                .createSubPool(threads - 1);
        Executor executor = task -> {
            if (helpers.trySubmit(task) == null) {
                throw new RejectedExecutionException("No free thread in KNIME's pool.");
            }
        };
        return ParallelWork.of(executor, threads);
    }

    /** Threads a node would like: one per processor, at most KNIME's limit. */
    public static int wanted() {
        int limit = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        return Math.max(1, Math.min(limit, Runtime.getRuntime().availableProcessors()));
    }
}
