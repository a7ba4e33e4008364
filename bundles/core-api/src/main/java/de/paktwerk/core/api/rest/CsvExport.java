package de.paktwerk.core.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.paktwerk.core.api.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one CSV writer of every Paktwerk export, core and funding areas: UTF-8 with BOM, semicolons, a header row,
 * amounts with a decimal comma, quoting where needed — and every cell that a spreadsheet would run as a formula
 * neutralised (OWASP, "CSV Injection"): a cell that begins with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, unless it is a plain number such as {@code -500,00}.
 *
 * @since 1.2
 */
public final class CsvExport {

    /** Byte order mark: spreadsheet programs then read the file as UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    private CsvExport() {
    }

    /**
     * The text of a cell as it is written: {@link Money} with a decimal comma, null empty, and what a spreadsheet
     * would take for a formula with a leading apostrophe.
     *
     * @param value the value
     * @return the cell
     */
    public static String cell(Object value) {
        String s = value == null ? "" : value instanceof Money m ? m.toString().replace('.', ',') : String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches()) {
            return "'" + s;
        }
        return s;
    }

    /**
     * A CSV file.
     *
     * @param columns the header (German words, never codes)
     * @param rows the rows, one value per column
     * @return the file's text, with BOM
     */
    public static String write(List<String> columns, List<List<Object>> rows) {
        CsvSchema.Builder b = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true);
        columns.forEach(b::addColumn);
        List<Map<String, String>> maps = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("Zeile mit " + r.size() + " statt " + columns.size() + " Werten");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), cell(r.get(i)));
            }
            maps.add(m);
        }
        try {
            return BOM + CSV.writer(b.build()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValueAsString(maps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
