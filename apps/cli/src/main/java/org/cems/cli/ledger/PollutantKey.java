package org.cems.cli.ledger;

/** One pollutant of one stack: the unit validity and transmission hours are counted in. */
record PollutantKey(StackKey stack, String pollutant) {}
