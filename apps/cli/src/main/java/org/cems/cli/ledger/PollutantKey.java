package org.cems.cli.ledger;

/** One pollutant of one stack: the unit validity, transmission and exceedance hours are counted in. */
record PollutantKey(StackKey stack, String pollutant) {}
