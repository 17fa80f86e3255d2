package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OrderedListenersTest {

    private static TrainingRecord record(int epoch, int batch) {
        return new TrainingRecord(TrainingStage.SELECTION, epoch, batch, 0, 1, Double.NaN, 0);
    }

    /** Records what it hears, and notices calls that overlap. */
    private static final class Recorder implements TrainingListener {
        final List<String> heard = new ArrayList<>();
        final AtomicBoolean inside = new AtomicBoolean();
        volatile boolean overlapped;
        volatile boolean answer = true;

        @Override
        public boolean onBatch(TrainingRecord record) {
            enter();
            heard.add("batch " + record.epoch() + "." + record.batch());
            leave();
            return answer;
        }

        @Override
        public void onStage(TrainingStage stage, int epochs, int batchesPerEpoch) {
            enter();
            heard.add("stage " + epochs);
            leave();
        }

        private void enter() {
            overlapped |= !inside.compareAndSet(false, true);
        }

        private void leave() {
            inside.set(false);
        }
    }

    @Test
    void partsRunningTogetherAreHeardOneAfterTheOther() throws Exception {
        Recorder target = new Recorder();
        OrderedListeners ordered = new OrderedListeners(target, 2);
        CountDownLatch secondHasTalked = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            TrainingListener listener = ordered.of(1);
            listener.onStage(TrainingStage.SELECTION, 20, 2);
            listener.onBatch(record(0, 0));
            secondHasTalked.countDown();
            listener.onBatch(record(0, 1));
            ordered.finish(1);
        });
        second.start();
        TrainingListener first = ordered.of(0);
        first.onStage(TrainingStage.SELECTION, 10, 2);
        secondHasTalked.await();
        first.onBatch(record(0, 0));
        assertEquals(List.of("stage 10", "batch 0.0"), target.heard, "part 1 waits while part 0 runs");
        second.join();
        first.onBatch(record(0, 1));
        ordered.finish(0);
        assertEquals(List.of("stage 10", "batch 0.0", "batch 0.1", "stage 20", "batch 0.0", "batch 0.1"),
                target.heard);
        assertFalse(target.overlapped);
    }

    @Test
    void aFalseFromTheTargetStopsEveryPart() {
        Recorder target = new Recorder();
        OrderedListeners ordered = new OrderedListeners(target, 2);
        TrainingListener first = ordered.of(0);
        TrainingListener second = ordered.of(1);
        assertTrue(second.onBatch(record(0, 0)), "held, not yet known to be cancelled");
        target.answer = false;
        assertFalse(first.onBatch(record(0, 0)));
        assertFalse(second.onBatch(record(0, 1)), "the other part stops at its next batch");
        assertTrue(second.stopRequested());
    }
}
