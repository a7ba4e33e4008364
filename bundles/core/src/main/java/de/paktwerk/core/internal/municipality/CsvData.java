package de.paktwerk.core.internal.municipality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.RefugeeCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shipped reference data (Destatis / Zensus, dl-de/by-2-0, see data/SOURCES.md) and refugee-count
 * CSV files with jackson-dataformat-csv.
 */
public final class CsvData {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader();

    private CsvData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GemeindeRow(@JsonProperty("ags") String ags, @JsonProperty("gemeinde") String name,
                       @JsonProperty("kreis_key") String districtKey, @JsonProperty("kreis") String districtName,
                       @JsonProperty("kreis_typ") String districtType, @JsonProperty("regierungsbezirk") String region,
                       @JsonProperty("bevoelkerung_31122019") long population) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KreisRow(@JsonProperty("kreis_key") String key, @JsonProperty("kreis") String name,
                    @JsonProperty("kreis_typ") String type, @JsonProperty("regierungsbezirk") String region,
                    @JsonProperty("bevoelkerung_31122019") long population) {
    }

    record CountRow(@JsonProperty("ags") String ags, @JsonProperty("stichtag") String referenceDate,
                    @JsonProperty("anzahl") String refugees) {
    }

    /**
     * The municipalities, district-free cities and districts. The two uninhabited areas without a
     * municipality (population 0) are not municipalities and are left out.
     */
    public static List<Municipality> read(InputStream gemeinden, InputStream kreise) throws IOException {
        List<Municipality> out = new ArrayList<>(1140);
        try (MappingIterator<GemeindeRow> rows = CSV.readerFor(GemeindeRow.class).with(HEADER).readValues(gemeinden)) {
            while (rows.hasNext()) {
                GemeindeRow r = rows.next();
                if (r.population() <= 0) {
                    continue;
                }
                MunicipalityKind kind = "Stadtkreis".equals(r.districtType()) ? MunicipalityKind.STADTKREIS : MunicipalityKind.GEMEINDE;
                out.add(new Municipality(r.ags(), r.name(), kind, r.districtKey(), r.districtName(), region(r.region()), r.population()));
            }
        }
        try (MappingIterator<KreisRow> rows = CSV.readerFor(KreisRow.class).with(HEADER).readValues(kreise)) {
            while (rows.hasNext()) {
                KreisRow r = rows.next();
                if ("Landkreis".equals(r.type())) {
                    out.add(new Municipality(r.key(), "Landkreis " + r.name(), MunicipalityKind.LANDKREIS, r.key(), r.name(),
                            region(r.region()), r.population()));
                }
            }
        }
        return out;
    }

    static String region(String raw) {
        return raw.startsWith("Reg.-Bez. ") ? raw.substring("Reg.-Bez. ".length()) : raw;
    }

    /**
     * Parses refugee counts: header {@code ags,stichtag,anzahl}, date as {@code 2017-09-15}.
     *
     * @throws InvalidInputException naming the first bad line
     */
    public static List<RefugeeCount> readCounts(Reader csv) {
        List<RefugeeCount> out = new ArrayList<>();
        int line = 1;
        try (MappingIterator<CountRow> rows = CSV.readerFor(CountRow.class).with(HEADER).readValues(csv)) {
            while (rows.hasNext()) {
                line++;
                CountRow r = rows.next();
                if (r.ags() == null || !r.ags().matches("\\d{5}|\\d{8}")) {
                    throw new InvalidInputException("Zeile " + line + ": Schlüssel '" + r.ags() + "' ist kein amtlicher Schlüssel.");
                }
                LocalDate date;
                long count;
                try {
                    date = LocalDate.parse(r.referenceDate());
                    count = Long.parseLong(r.refugees().trim());
                } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
                    throw new InvalidInputException("Zeile " + line + ": Stichtag (JJJJ-MM-TT) oder Anzahl ist ungültig.");
                }
                if (count < 0 || count > 10_000_000) {
                    throw new InvalidInputException("Zeile " + line + ": Anzahl " + count + " ist unplausibel.");
                }
                out.add(new RefugeeCount(r.ags(), date, count, false));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("CSV ab Zeile " + line + " nicht lesbar: erwartet werden die Spalten ags,stichtag,anzahl.");
        }
        return out;
    }
}
