package org.knime.core.util;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.workflow.NodeContext;

/**
 * Double of KNIME's ThreadPool, with its rules:
 * <ul>
 * <li>A job starts at once on a worker thread ("KNIME-Worker-n", daemon) if its pool and every ancestor pool run
 * fewer jobs than their maximum, else it waits in a queue the pool shares with its ancestors and sub pools.
 * A sub pool's jobs count against its own maximum and against every ancestor's ({@link #createSubPool(int)}).</li>
 * <li>A job carries the {@link NodeContext} and the context class loader of the thread that enqueued it.</li>
 * <li>A worker that waits for a future ({@code get}), runs {@link #runInvisible} or waits in
 * {@link #waitForTermination()} does not count against its pool's maximum meanwhile (no dead lock when jobs wait
 * for their sub-jobs); a queued job may start in its place.</li>
 * <li>Queued jobs start in order, one each time a job finishes, a thread becomes invisible or the maximum changes
 * (jobs of a pool that is full are passed over).</li>
 * <li>Exceptions of jobs are in their futures and logged as errors (CanceledExecutionException is not).</li>
 * </ul>
 */
public class ThreadPool {
    private static final AtomicInteger WORKER_COUNTER = new AtomicInteger();

    /** What a pool shares with its ancestors and sub pools: one lock and one queue. */
    private static final class Tree {
        private final Object m_lock = new Object();

        private final Deque<Job<?>> m_queue = new ArrayDeque<>();
    }

    private final ThreadPool m_parent;

    private final Tree m_tree;

    // all guarded by m_tree.m_lock
    private int m_maxThreads;

    private int m_invisibleThreads;

    private int m_pendingJobs;

    private final Set<Worker> m_runningWorkers = new HashSet<>();

    /** A pool with at most {@code maxThreads} (&gt; 0) jobs running at once. */
    public ThreadPool(final int maxThreads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("Thread count must be > 0");
        }
        m_parent = null;
        m_tree = new Tree();
        m_maxThreads = maxThreads;
    }

    /** A sub pool of {@code parent}: its jobs also count against the parent's maximum. */
    protected ThreadPool(final int maxThreads, final ThreadPool parent) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("Thread count must be > 0");
        }
        m_parent = Objects.requireNonNull(parent);
        m_tree = parent.m_tree;
        m_maxThreads = maxThreads;
    }

    /** A sub pool with this pool's maximum. */
    public ThreadPool createSubPool() {
        return new ThreadPool(getMaxThreads(), this);
    }

    /** A sub pool; this pool and its sub pools together never run more than this pool's maximum. */
    public ThreadPool createSubPool(final int maxThreads) {
        return new ThreadPool(maxThreads, this);
    }

    /** Runs the task as soon as a thread is free; does not block. */
    public <T> Future<T> enqueue(final Callable<T> task) {
        if (task == null) {
            throw new IllegalArgumentException("Task must not be null");
        }
        return add(new Job<>(this, task));
    }

    /** Runs the task as soon as a thread is free; the future's get() returns null. */
    public Future<?> enqueue(final Runnable r) {
        return add(new Job<Object>(this, callable(r)));
    }

    private <T> Job<T> add(final Job<T> job) {
        synchronized (m_tree.m_lock) {
            addPending(1);
            if (canStart(this)) {
                start(job, null);
            } else {
                m_tree.m_queue.add(job);
            }
        }
        return job;
    }

    /** Runs the task at once if a thread is free, else returns null (nothing queued). */
    public <T> Future<T> trySubmit(final Callable<T> t) {
        return tryStart(new Job<>(this, t));
    }

    public Future<?> trySubmit(final Runnable r) {
        return tryStart(new Job<Object>(this, callable(r)));
    }

    private <T> Job<T> tryStart(final Job<T> job) {
        synchronized (m_tree.m_lock) {
            if (!canStart(this)) {
                return null;
            }
            addPending(1);
            start(job, null);
        }
        return job;
    }

    /** Like {@link #enqueue(Callable)}, but blocks until the task has started. */
    public <T> Future<T> submit(final Callable<T> task) throws InterruptedException {
        final Job<T> job = (Job<T>)enqueue(task);
        job.waitUntilStarted();
        return job;
    }

    public Future<?> submit(final Runnable task) throws InterruptedException {
        final Job<?> job = (Job<?>)enqueue(task);
        job.waitUntilStarted();
        return job;
    }

    public int getMaxThreads() {
        synchronized (m_tree.m_lock) {
            return m_maxThreads;
        }
    }

    /** Jobs running in this pool and its sub pools, without invisible threads. */
    public int getRunningThreads() {
        synchronized (m_tree.m_lock) {
            return m_runningWorkers.size() - m_invisibleThreads;
        }
    }

    /**
     * Runs {@code r} in the calling worker thread, which meanwhile does not count against this pool (so that it can
     * wait for the jobs it submits). IllegalThreadStateException if the caller is not a worker of this pool (or of the
     * pool that started it); exceptions of {@code r} come wrapped in an ExecutionException.
     */
    public <T> T runInvisible(final Callable<T> r) throws ExecutionException {
        if (!(Thread.currentThread() instanceof Worker)) {
            throw new IllegalThreadStateException("The current thread is not taken out of a thread pool");
        }
        final Worker worker = (Worker)Thread.currentThread();
        final boolean here;
        synchronized (m_tree.m_lock) {
            here = m_runningWorkers.contains(worker);
            if (here) {
                m_invisibleThreads++;
                startNextQueued(null);
            }
        }
        if (!here) {
            final ThreadPool startedFrom = worker.m_startedFrom;
            final boolean inStarter;
            synchronized (startedFrom.m_tree.m_lock) {
                inStarter = startedFrom.m_runningWorkers.contains(worker);
            }
            if (!inStarter) {
                throw new IllegalThreadStateException("The current thread is not taken out of this thread pool");
            }
            return startedFrom.runInvisible(r);
        }
        try {
            return r.call();
        } catch (Exception ex) {
            throw new ExecutionException(ex);
        } finally {
            synchronized (m_tree.m_lock) {
                m_invisibleThreads--;
            }
        }
    }

    /** A new maximum (&gt;= 0); running jobs are not interrupted, a waiting job may start. */
    public void setMaxThreads(final int newValue) {
        if (newValue < 0) {
            throw new IllegalArgumentException("Thread count must be >= 0");
        }
        synchronized (m_tree.m_lock) {
            m_maxThreads = newValue;
            startNextQueued(null);
        }
    }

    /** Cancels this pool's queued jobs and lets no new one start; running jobs finish. */
    public void shutdown() {
        final List<Job<?>> cancelled = new ArrayList<>();
        synchronized (m_tree.m_lock) {
            for (Iterator<Job<?>> it = m_tree.m_queue.iterator(); it.hasNext();) {
                final Job<?> job = it.next();
                if (job.m_pool == this) {
                    it.remove();
                    job.m_pool.addPending(-1);
                    cancelled.add(job);
                }
            }
        }
        cancelled.forEach(j -> j.cancel(true));
        setMaxThreads(0);
    }

    /** Interrupts the threads running this pool's (and its sub pools') jobs. */
    public void interruptAll() {
        final List<Worker> running;
        synchronized (m_tree.m_lock) {
            running = new ArrayList<>(m_runningWorkers);
        }
        running.forEach(Thread::interrupt);
    }

    /** Waits until every job of this pool and its sub pools has finished (a waiting worker is invisible meanwhile). */
    public void waitForTermination() throws InterruptedException {
        final ThreadPool current = currentPool();
        if (current != null) {
            synchronized (current.m_tree.m_lock) {
                current.m_invisibleThreads++;
                current.startNextQueued(null);
            }
        }
        try {
            synchronized (m_tree.m_lock) {
                startNextQueued(null);
                while (m_pendingJobs != 0) {
                    m_tree.m_lock.wait();
                }
            }
        } finally {
            if (current != null) {
                synchronized (current.m_tree.m_lock) {
                    current.m_invisibleThreads--;
                }
            }
        }
    }

    /** The pool whose job the calling thread runs, or null if it is no worker thread. */
    public static ThreadPool currentPool() {
        return Thread.currentThread() instanceof Worker ? ((Worker)Thread.currentThread()).m_startedFrom : null;
    }

    // ---- internals, all called with m_tree.m_lock held ----

    private void addPending(final int delta) {
        for (ThreadPool p = this; p != null; p = p.m_parent) {
            p.m_pendingJobs += delta;
        }
        if (delta < 0) {
            m_tree.m_lock.notifyAll();
        }
    }

    /** True if the pool and all its ancestors run fewer (visible) jobs than their maximum. */
    private static boolean canStart(final ThreadPool pool) {
        for (ThreadPool p = pool; p != null; p = p.m_parent) {
            if (p.m_runningWorkers.size() - p.m_invisibleThreads >= p.m_maxThreads) {
                return false;
            }
        }
        return true;
    }

    /** Runs the job on {@code reuse} (a worker that just finished) or on a new worker thread. */
    private static void start(final Job<?> job, final Worker reuse) {
        final Worker worker = reuse != null ? reuse : new Worker();
        worker.m_job = job;
        worker.m_startedFrom = job.m_pool;
        for (ThreadPool p = job.m_pool; p != null; p = p.m_parent) {
            p.m_runningWorkers.add(worker);
        }
        if (reuse == null) {
            worker.start();
        }
    }

    /** Starts the first queued job whose pools have room (cancelled ones are dropped); true if one started. */
    private boolean startNextQueued(final Worker reuse) {
        for (Iterator<Job<?>> it = m_tree.m_queue.iterator(); it.hasNext();) {
            final Job<?> job = it.next();
            if (job.isCancelled()) {
                it.remove();
                job.m_pool.addPending(-1);
            } else if (canStart(job.m_pool)) {
                it.remove();
                start(job, reuse);
                return true;
            }
        }
        return false;
    }

    /** Book-keeping when a worker has finished its job: the next queued job, or null (the worker ends). */
    private static Job<?> finished(final Worker worker, final Job<?> job, final boolean stop) {
        final ThreadPool pool = job.m_pool;
        synchronized (pool.m_tree.m_lock) {
            for (ThreadPool p = pool; p != null; p = p.m_parent) {
                p.m_runningWorkers.remove(worker);
            }
            pool.addPending(-1);
            worker.m_job = null;
            if (stop) {
                pool.startNextQueued(null);
                return null;
            }
            return pool.startNextQueued(worker) ? worker.m_job : null;
        }
    }

    private static Callable<Object> callable(final Runnable r) {
        Objects.requireNonNull(r);
        return () -> {
            r.run();
            return null;
        };
    }

    /** A queued or running task: carries the creator's node context and class loader. */
    private static final class Job<T> extends FutureTask<T> {
        private final ThreadPool m_pool;

        private final CountDownLatch m_started = new CountDownLatch(1);

        private final ClassLoader m_contextClassLoader = Thread.currentThread().getContextClassLoader();

        Job(final ThreadPool pool, final Callable<T> task) {
            super(withContext(task));
            m_pool = pool;
        }

        private static <T> Callable<T> withContext(final Callable<T> task) {
            final NodeContext context = NodeContext.getContext();
            if (context == null) {
                return task;
            }
            return () -> {
                NodeContext.pushContext(context);
                try {
                    return task.call();
                } finally {
                    NodeContext.removeLastContext();
                }
            };
        }

        @Override
        public void run() {
            m_started.countDown();
            final Thread thread = Thread.currentThread();
            final ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(m_contextClassLoader);
            try {
                super.run();
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        @Override
        public boolean cancel(final boolean mayInterruptIfRunning) {
            final boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                m_started.countDown();
                synchronized (m_pool.m_tree.m_lock) {
                    if (m_pool.m_tree.m_queue.remove(this)) {
                        m_pool.addPending(-1);
                    }
                }
            }
            return cancelled;
        }

        void waitUntilStarted() throws InterruptedException {
            m_started.await();
        }

        /** A worker waiting for a future is invisible to the pool that started it. */
        @Override
        public T get() throws InterruptedException, ExecutionException {
            final ThreadPool waiting = becomeInvisible();
            try {
                return super.get();
            } finally {
                becomeVisible(waiting);
            }
        }

        @Override
        public T get(final long timeout, final TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
            final ThreadPool waiting = becomeInvisible();
            try {
                return super.get(timeout, unit);
            } finally {
                becomeVisible(waiting);
            }
        }

        private static ThreadPool becomeInvisible() {
            final ThreadPool pool = currentPool();
            if (pool != null) {
                synchronized (pool.m_tree.m_lock) {
                    pool.m_invisibleThreads++;
                    pool.startNextQueued(null);
                }
            }
            return pool;
        }

        private static void becomeVisible(final ThreadPool pool) {
            if (pool != null) {
                synchronized (pool.m_tree.m_lock) {
                    pool.m_invisibleThreads--;
                }
            }
        }

        /** Logs how the job ended, as KNIME's workers do. */
        void logOutcome() {
            try {
                super.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (CancellationException e) {
                NodeLogger.getLogger(ThreadPool.class).debug("Future was canceled");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof CanceledExecutionException)) {
                    NodeLogger.getLogger(ThreadPool.class).error("An exception occurred while executing a runnable.",
                        e.getCause());
                }
            }
        }
    }

    /** A thread running jobs; it ends when no queued job can start (or it was interrupted). */
    private static final class Worker extends Thread {
        private volatile Job<?> m_job;

        private volatile ThreadPool m_startedFrom;

        Worker() {
            super("KNIME-Worker-" + WORKER_COUNTER.getAndIncrement());
            setPriority(Thread.MIN_PRIORITY + 2);
            setDaemon(true);
        }

        @Override
        public void run() {
            Job<?> job = m_job;
            while (job != null) {
                try {
                    job.run();
                    job.logOutcome();
                } catch (RuntimeException | Error e) { // NOSONAR a worker never dies of its job
                    NodeLogger.getLogger(ThreadPool.class).error("An exception occurred while executing a runnable.", e);
                }
                job = finished(this, job, Thread.interrupted());
            }
        }
    }
}
