package org.gfe.knime.core.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Listeners for parts of a run that execute at the same time (the folds of a selection), which their caller hears as
 * if the parts ran one after the other: part 0's calls pass through at once, a later part's are held until every
 * earlier part has finished, then replayed in order. Calls to the caller's listener never overlap. Cancel requests
 * ({@link TrainingListener#stopRequested()}) are polled live by every part; a "false" from the caller's
 * {@link TrainingListener#onBatch} stops every part that calls on afterwards.
 */
final class OrderedListeners {

    private final TrainingListener target;
    private final List<List<Runnable>> held = new ArrayList<>();
    private final boolean[] finished;
    private int current;
    private boolean cancelled;

    OrderedListeners(TrainingListener target, int parts) {
        this.target = target;
        this.finished = new boolean[parts];
        for (int i = 0; i < parts; i++) {
            held.add(new ArrayList<>());
        }
    }

    /** The listener of one part; {@link #finish} it when the part has ended. */
    TrainingListener of(int part) {
        return new TrainingListener() {
            @Override
            public boolean onBatch(TrainingRecord record) {
                synchronized (OrderedListeners.this) {
                    if (part == current) {
                        cancelled |= !target.onBatch(record);
                    } else {
                        held.get(part).add(() -> cancelled |= !target.onBatch(record));
                    }
                    return !cancelled;
                }
            }

            @Override
            public void onStage(TrainingStage stage, int epochs, int batchesPerEpoch) {
                deliver(part, () -> target.onStage(stage, epochs, batchesPerEpoch));
            }

            @Override
            public void onEpoch(EpochRecord record) {
                deliver(part, () -> target.onEpoch(record));
            }

            @Override
            public boolean stopRequested() {
                synchronized (OrderedListeners.this) {
                    return cancelled || target.stopRequested();
                }
            }

            @Override
            public boolean stopAndKeepRequested() {
                synchronized (OrderedListeners.this) {
                    return target.stopAndKeepRequested();
                }
            }
        };
    }

    /** Marks a part finished and replays what later parts said, in order, as far as every earlier part is done. */
    synchronized void finish(int part) {
        finished[part] = true;
        while (current < finished.length && finished[current]) {
            current++;
            if (current < finished.length) {
                for (Runnable call : held.get(current)) {
                    call.run();
                }
                held.get(current).clear();
            }
        }
    }

    private synchronized void deliver(int part, Runnable call) {
        if (part == current) {
            call.run();
        } else {
            held.get(part).add(call);
        }
    }
}
