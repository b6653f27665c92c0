package org.cems.cli.ledger;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as CSV (RFC 4180, CRLF): UTF-8 with a byte-order mark, without which Excel reads the
 * Chinese headers as GBK; numbers rounded to the column's places, no data left empty.
 */
final class CsvLedgerWriter {
    private static final char BOM = '\uFEFF';

    private CsvLedgerWriter() {}

    static void write(LedgerTable table, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(BOM);
            List<String> header = new ArrayList<>();
            table.columns().forEach(c -> header.add(c.header()));
            line(out, header);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(format(row.get(i), table.columns().get(i).kind()));
                }
                line(out, cells);
            }
        }
    }

    static String format(Object value, Column.Kind kind) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d)
                    .setScale(Math.max(kind.decimals, 0), RoundingMode.HALF_UP)
                    .toPlainString();
        }
        return value.toString();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(
                    c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                            ? "\"" + c.replace("\"", "\"\"") + "\""
                            : c);
        }
        out.write(String.join(",", quoted));
        out.write("\r\n");
    }
}
