package org.cems.cli.ledger;

/** A monitoring point of an enterprise, as tagged on the job's points. */
record StackKey(String enterprise, String source) {}
