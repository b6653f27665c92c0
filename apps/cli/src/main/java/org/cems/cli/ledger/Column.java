package org.cems.cli.ledger;

/** A ledger column: its Chinese and English header and how its values are written. */
record Column(String zh, String en, Kind kind) {

    /** How a column's values look: text, whole numbers, or decimals with a fixed number of places. */
    enum Kind {
        TEXT(-1),
        COUNT(0),
        TONNES(3),
        MWH(3),
        GCE_KWH(1),
        PERCENT(2);

        final int decimals;

        Kind(int decimals) {
            this.decimals = decimals;
        }

        /** The Excel number format: masses to the kilogram, percentages to 0.01. */
        String excelFormat() {
            return decimals <= 0 ? "0" : "0." + "0".repeat(decimals);
        }
    }

    /** One header row carries both languages, so the CSV keeps one row per record for tools. */
    String header() {
        return zh + " / " + en;
    }
}
