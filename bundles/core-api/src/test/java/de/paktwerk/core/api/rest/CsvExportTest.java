package de.paktwerk.core.api.rest;

import static org.junit.Assert.assertEquals;

import de.paktwerk.core.api.Money;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Every export's cells: what a spreadsheet would run as a formula gets a leading apostrophe (OWASP). */
public class CsvExportTest {

    @Test
    public void cellsThatBeginLikeAFormulaAreNeutralised() {
        assertEquals("'=HYPERLINK(\"http://x.example\";\"Kurs\")", CsvExport.cell("=HYPERLINK(\"http://x.example\";\"Kurs\")"));
        assertEquals("'+49 711 123", CsvExport.cell("+49 711 123"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CsvExport.cell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A9)", CsvExport.cell("@SUM(A1:A9)"));
        assertEquals("'\tTab", CsvExport.cell("\tTab"));
        assertEquals("'\rCR", CsvExport.cell("\rCR"));
        // numbers stay numbers, other text stays as it is
        assertEquals("-500,00", CsvExport.cell(Money.parse("-500.00")));
        assertEquals("-3", CsvExport.cell(-3));
        assertEquals("Grundkurs A1 = gut", CsvExport.cell("Grundkurs A1 = gut"));
        assertEquals("", CsvExport.cell(null));
    }

    @Test
    public void aFileHasItsBomHeaderAndQuotedNeutralisedCells() {
        String csv = CsvExport.write(List.of("kurs", "titel", "betrag"),
                List.of(Arrays.asList(1, "=1+1", Money.parse("12.50")), Arrays.asList(2, "Kurs; Abend", null)));
        assertEquals("\uFEFFkurs;titel;betrag\n1;'=1+1;12,50\n2;\"Kurs; Abend\";\n", csv);
    }
}
