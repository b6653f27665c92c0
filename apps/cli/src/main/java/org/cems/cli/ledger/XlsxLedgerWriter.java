package org.cems.cli.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The tables as sheets of one xlsx workbook (fastexcel): numbers stay numbers at full precision,
 * shown with the column's places; the header row is frozen.
 */
final class XlsxLedgerWriter {
    private static final String APPLICATION = "cems-stream";
    private static final String VERSION = "1.0";

    private XlsxLedgerWriter() {}

    static void write(List<LedgerTable> tables, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, APPLICATION, VERSION);
            for (LedgerTable table : tables) {
                sheet(workbook.newWorksheet(table.sheetName()), table);
            }
            workbook.finish();
        }
    }

    private static void sheet(Worksheet ws, LedgerTable table) {
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).header());
            ws.style(0, c).bold().wrapText(true).set();
        }
        ws.freezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                    ws.style(r + 1, c)
                            .format(columns.get(c).kind().excelFormat())
                            .set();
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
    }
}
