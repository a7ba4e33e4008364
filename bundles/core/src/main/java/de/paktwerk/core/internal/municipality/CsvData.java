package de.paktwerk.core.internal.municipality;

import java.io.BufferedReader;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.KeyFigure;
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

    /** The byte order mark Excel writes at the start of a UTF-8 CSV file. */
    public static final String BOM = "\uFEFF";
    /** Columns of a refugee-count file (import and export). */
    public static final List<String> COUNT_COLUMNS = List.of("ags", "stichtag", "anzahl");
    static final int MAX_REPORTED = 50;
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * Parses refugee counts as office software writes them: UTF-8 with or without BOM, {@code ,} or {@code ;} as
     * separator (detected from the header), a header naming the columns {@code ags}, {@code stichtag},
     * {@code anzahl} in any order (further columns, such as {@code name} of an export, are ignored), dates as
     * {@code 2017-09-15} or {@code 15.09.2017}. Every bad line is reported at once with its number; nothing is
     * returned unless every line is good.
     *
     * @param keyProblem the problem with an official key (unknown, a district …), or null if it is fine
     * @throws InvalidInputException listing the bad lines
     */
    public static List<KeyFigure> readCounts(Reader csv, Function<String, String> keyProblem) {
        List<String> lines;
        try (BufferedReader in = new BufferedReader(csv)) {
            lines = in.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("Die CSV-Datei ist nicht lesbar (UTF-8 erwartet).");
        }
        if (lines.isEmpty() || lines.get(0).replace(BOM, "").isBlank()) {
            throw new InvalidInputException("Die CSV-Datei ist leer.");
        }
        String header = lines.get(0).replace(BOM, "");
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = new ArrayList<>();
        for (String h : header.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            names.add(h.trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (!names.containsAll(COUNT_COLUMNS)) {
            throw new InvalidInputException("Die erste Zeile muss die Spalten ags" + separator + "stichtag" + separator + "anzahl nennen"
                    + " (Kopfzeile), war: '" + abbreviate(header) + "'.");
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<KeyFigure> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            Map<String, String> row;
            try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
                    .readValues(header + "\n" + lines.get(i))) {
                row = it.hasNext() ? lowerKeys(it.next()) : Map.of();
            } catch (IOException | RuntimeException e) {
                errors.add("Zeile " + line + ": nicht lesbar");
                continue;
            }
            String ags = trim(row.get("ags"));
            String problem = null;
            if (ags == null || !ags.matches("\\d{8}")) {
                problem = "Schlüssel '" + abbreviate(String.valueOf(ags)) + "' ist kein achtstelliger amtlicher Gemeindeschlüssel";
            } else if (keyProblem != null) {
                problem = keyProblem.apply(ags);
            }
            LocalDate date = date(trim(row.get("stichtag")));
            if (problem == null && date == null) {
                problem = "Stichtag '" + abbreviate(String.valueOf(row.get("stichtag"))) + "' ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ)";
            }
            String raw = trim(row.get("anzahl"));
            long count = -1;
            if (raw != null && raw.matches("[0-9]{1,8}")) {
                count = Long.parseLong(raw);
            }
            if (problem == null && (count < 0 || count > 10_000_000)) {
                problem = "Anzahl '" + abbreviate(String.valueOf(raw)) + "' ist keine ganze Zahl zwischen 0 und 10000000";
            }
            if (problem == null && !seen.add(ags + "|" + date)) {
                problem = "Schlüssel " + ags + " zum Stichtag " + date + " steht mehrfach in der Datei";
            }
            if (problem != null) {
                errors.add("Zeile " + line + ": " + problem);
            } else {
                out.add(KeyFigure.of(KeyFigure.REFUGEES, ags, date, count));
            }
        }
        if (!errors.isEmpty()) {
            String listed = String.join("; ", errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
            throw new InvalidInputException("Nichts importiert, " + errors.size() + (errors.size() == 1 ? " fehlerhafte Zeile: " : " fehlerhafte Zeilen: ")
                    + listed + (errors.size() > MAX_REPORTED ? "; und " + (errors.size() - MAX_REPORTED) + " weitere." : "."));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("Die CSV-Datei enthält nach der Kopfzeile keine Zeilen.");
        }
        return out;
    }

    /** Columns of a treasury file of the flat allocation (export and check). */
    public static final List<String> TREASURY_COLUMNS = List.of("ags", "name", "betrag", "verwendungszweck", "rate");
    private static final java.util.regex.Pattern GERMAN_AMOUNT = java.util.regex.Pattern.compile("-?[0-9]{1,13},[0-9]{2}");

    /** A line of a treasury file as read back: official key, amount (negative: repayment), instalment. */
    public record TreasuryRow(String ags, Money amount, int instalment) {
    }

    /**
     * Reads a treasury file as {@link #write} wrote it (or as office software saved it again: with or without BOM,
     * {@code ;} or {@code ,}): every bad line is reported at once with its number, nothing is returned unless every line
     * is good.
     */
    public static List<TreasuryRow> readTreasury(Reader csv) {
        List<String> lines;
        try (BufferedReader in = new BufferedReader(csv)) {
            lines = in.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("Die CSV-Datei ist nicht lesbar (UTF-8 erwartet).");
        }
        if (lines.isEmpty() || lines.get(0).replace(BOM, "").isBlank()) {
            throw new InvalidInputException("Die CSV-Datei ist leer.");
        }
        String header = lines.get(0).replace(BOM, "");
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = new ArrayList<>();
        for (String h : header.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            names.add(h.trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (!names.containsAll(TREASURY_COLUMNS)) {
            throw new InvalidInputException("Die erste Zeile muss die Spalten " + String.join(String.valueOf(separator), TREASURY_COLUMNS)
                    + " nennen (Kopfzeile), war: '" + abbreviate(header) + "'.");
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<TreasuryRow> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            Map<String, String> row;
            try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(header + "\n" + lines.get(i))) {
                row = it.hasNext() ? lowerKeys(it.next()) : Map.of();
            } catch (IOException | RuntimeException e) {
                errors.add("Zeile " + line + ": nicht lesbar");
                continue;
            }
            String ags = trim(row.get("ags"));
            String amount = trim(row.get("betrag"));
            String rate = trim(row.get("rate"));
            String problem = null;
            if (ags == null || !ags.matches("\\d{8}|\\d{5}")) {
                problem = "Schlüssel '" + abbreviate(String.valueOf(ags)) + "' ist kein amtlicher Schlüssel";
            } else if (amount == null || !GERMAN_AMOUNT.matcher(amount).matches()) {
                problem = "Betrag '" + abbreviate(String.valueOf(amount)) + "' ist kein Betrag mit Dezimalkomma, z. B. 1234,56";
            } else if (rate == null || !rate.matches("[0-9]{1,2}")) {
                problem = "Rate '" + abbreviate(String.valueOf(rate)) + "' ist keine Ratennummer";
            } else if (trim(row.get("verwendungszweck")) == null) {
                problem = "der Verwendungszweck fehlt";
            } else if (!seen.add(ags)) {
                problem = "Schlüssel " + ags + " steht mehrfach in der Datei";
            }
            if (problem != null) {
                errors.add("Zeile " + line + ": " + problem);
            } else {
                out.add(new TreasuryRow(ags, Money.parse(amount.replace(',', '.')), Integer.parseInt(rate)));
            }
        }
        if (!errors.isEmpty()) {
            String listed = String.join("; ", errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
            throw new InvalidInputException("Datei nicht geprüft, " + errors.size() + (errors.size() == 1 ? " fehlerhafte Zeile: " : " fehlerhafte Zeilen: ")
                    + listed + (errors.size() > MAX_REPORTED ? "; und " + (errors.size() - MAX_REPORTED) + " weitere." : "."));
        }
        return out;
    }

    private static Map<String, String> lowerKeys(Map<String, String> row) {
        Map<String, String> m = new java.util.HashMap<>();
        row.forEach((k, v) -> m.put(k.trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return s.contains(".") ? LocalDate.parse(s, GERMAN_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * A CSV file for office software: UTF-8 with BOM, {@code ;} as separator, a header row. Amounts are written
     * with a decimal comma as German spreadsheets expect.
     */
    public static String write(List<String> columns, List<List<Object>> rows) {
        return de.paktwerk.core.api.rest.CsvExport.write(columns, rows);
    }
}
