package org.cems.cli.ledger;

/** A ledger run that cannot go on: the message says what is wrong and how to fix it. */
class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    LedgerException(String message) {
        super(message);
    }
}
