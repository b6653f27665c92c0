package org.cems.cli.ledger;

import java.util.List;

/**
 * One table of the ledger (an xlsx sheet, a CSV file). A cell is a String, a Long, a Double or
 * null (no data: left empty, never written as 0).
 */
record LedgerTable(String sheetName, List<Column> columns, List<List<Object>> rows) {}
