package org.cems.job.emission;

/**
 * One piece of a source's minute data: a minute of real-time samples (CN 2011) or one record of
 * the data logger (CN 2051 at its MinInterval; CN 2061 for a whole hour), covering
 * [{@code startMillis}, + {@code minutes}), with whether the source was stopped in it (corroborated,
 * {@link StopEvidence}).
 */
record SubPeriod(long startMillis, int minutes, boolean fromLogger, boolean stopped, PeriodSummary summary) {}
