package org.cems.job.sink;

import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/**
 * One destination of the job's outputs: attaches its sink (with a stable uid) to the streams of
 * {@link JobOutputs} it takes, or nothing when the config does not enable it. Listed once in
 * {@link JobSinks}.
 */
public interface OutputSink {
    void attach(JobOutputs outputs, JobContext job);
}
