package org.cems.job.endpoints;

import java.util.List;
import java.util.stream.Collectors;

/** The job cannot start: each failed check, one line, with what to do about it. */
public class EndpointsNotReadyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public EndpointsNotReadyException(List<Check> failed) {
        super(failed.stream().map(c -> c.subject() + ": " + c.detail()).collect(Collectors.joining("\n")));
    }
}
