package de.paktwerk.core.internal.municipality;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class CsvDataTest {

    static List<KeyFigure> read(String csv) {
        return CsvData.readCounts(new StringReader(csv), key -> key.equals("08999999") ? "Kommune mit Schlüssel 08999999 ist unbekannt" : null);
    }

    @Test
    public void readsWhatExcelWritesInGermany() {
        List<KeyFigure> counts = read("\uFEFFags;stichtag;anzahl\r\n08111000;15.09.2017;1234\r\n08421000;2017-09-15;77\r\n");
        assertEquals(List.of(KeyFigure.of(KeyFigure.REFUGEES, "08111000", LocalDate.of(2017, 9, 15), 1234),
                KeyFigure.of(KeyFigure.REFUGEES, "08421000", LocalDate.of(2017, 9, 15), 77)), counts);
        assertEquals(1, read("ags,stichtag,anzahl\n08111000,2017-09-15,5\n").size());
    }

    @Test
    public void aFileWithoutHeaderIsRefusedInsteadOfLosingItsFirstRow() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("08111000,2017-09-15,5\n"));
        assertEquals("Die erste Zeile muss die Spalten ags,stichtag,anzahl nennen (Kopfzeile), war: '08111000,2017-09-15,5'.", e.getMessage());
    }

    @Test
    public void everyBadLineIsReportedAtOnceAndNothingIsRead() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("ags;stichtag;anzahl\n"
                + "08111000;2017-09-15;5\n" + "08999999;2017-09-15;5\n" + "08421000;31.02.2017;5\n" + "08421000;2017-09-15;-3\n"
                + "08111000;2017-09-15;6\n"));
        assertEquals("Nichts importiert, 4 fehlerhafte Zeilen: Zeile 3: Kommune mit Schlüssel 08999999 ist unbekannt; "
                + "Zeile 4: Stichtag '31.02.2017' ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ); "
                + "Zeile 5: Anzahl '-3' ist keine ganze Zahl zwischen 0 und 10000000; "
                + "Zeile 6: Schlüssel 08111000 zum Stichtag 2017-09-15 steht mehrfach in der Datei.", e.getMessage());
    }

    @Test
    public void anExportedFileCanBeImportedAgain() {
        String exported = CsvData.write(List.of("ags", "name", "stichtag", "anzahl"),
                List.of(List.of("08111000", "Stuttgart, Landeshauptstadt", "2017-09-15", 1234L), List.of("08421000", "Ulm", "2017-09-15", 77L)));
        assertEquals("\uFEFFags;name;stichtag;anzahl\n08111000;Stuttgart, Landeshauptstadt;2017-09-15;1234\n08421000;Ulm;2017-09-15;77\n", exported);
        assertEquals(List.of(KeyFigure.of(KeyFigure.REFUGEES, "08111000", LocalDate.of(2017, 9, 15), 1234),
                KeyFigure.of(KeyFigure.REFUGEES, "08421000", LocalDate.of(2017, 9, 15), 77)), read(exported));
    }

    @Test
    public void amountsAreWrittenWithADecimalComma() {
        assertEquals("\uFEFFags;betrag\n08111000;1234,50\n", CsvData.write(List.of("ags", "betrag"),
                List.of(List.of("08111000", de.paktwerk.core.api.Money.parse("1234.50")))));
    }
}
