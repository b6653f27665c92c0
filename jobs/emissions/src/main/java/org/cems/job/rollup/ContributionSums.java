package org.cems.job.rollup;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Merges the stacks' changes to each scope window on the heap for up to {@link Rollup#FLUSH_MS}
 * before they are keyed by window: at an hour's close every stack sends its hour and day to its
 * enterprise, park and city at once, and the city's total would otherwise be read and written in
 * the state backend once per stack (300,000 times at S = 100,000). The merged changes are sent on
 * each flush, before each checkpoint barrier (so a checkpoint holds none of them: the buffer needs
 * no state) and at the end of the input. The sums are compensated as the totals are
 * ({@link WindowTotal}).
 */
public class ContributionSums extends AbstractStreamOperator<Contribution>
        implements OneInputStreamOperator<Contribution, Contribution>, BoundedOneInput, ProcessingTimeCallback {
    /** A bound on the buffer between flushes, so a burst of many windows cannot fill the heap. */
    static final int MAX_WINDOWS = 100_000;

    private transient Map<String, WindowTotal> pending;
    private transient boolean flushScheduled;

    @Override
    public void open() throws Exception {
        super.open();
        pending = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<Contribution> element) throws Exception {
        Contribution c = element.getValue();
        WindowTotal t = pending.computeIfAbsent(c.windowKey(), k -> WindowTotal.of(c));
        t.add(c.deltaKg);
        t.sources += c.newSources;
        if (pending.size() >= MAX_WINDOWS) {
            flush();
        } else if (!flushScheduled) {
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + Rollup.FLUSH_MS, this);
            flushScheduled = true;
        }
    }

    @Override
    public void onProcessingTime(long time) {
        flushScheduled = false;
        flush();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        for (WindowTotal t : pending.values()) {
            Contribution c = new Contribution();
            c.scope = t.scope;
            c.id = t.id;
            c.pollutant = t.pollutant;
            c.window = t.window;
            c.windowStartMillis = t.windowStartMillis;
            c.deltaKg = t.massKg + t.compensationKg;
            c.newSources = t.sources;
            output.collect(new StreamRecord<>(c));
        }
        pending.clear();
    }
}
