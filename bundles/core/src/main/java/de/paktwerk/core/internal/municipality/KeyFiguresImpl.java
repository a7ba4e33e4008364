package de.paktwerk.core.internal.municipality;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyFigures;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Key figures per body and reference date in one table ({@code key_figure}); refugees are one type of them. Also
 * registered under its own class for the core's count survey, which stores the figures of a closed survey here.
 */
@Component(service = {KeyFigures.class, KeyFiguresImpl.class})
public class KeyFiguresImpl implements KeyFigures {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;

    @Activate
    public KeyFiguresImpl(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference MunicipalityRegistry registry) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.registry = registry;
    }

    @Override
    public Map<String, Long> at(String type, LocalDate referenceDate) {
        Map<String, Long> out = new HashMap<>(2048);
        jdbc.tx(c -> Sql.list(c, "SELECT body_key, figure_value FROM key_figure WHERE figure_type = ? AND reference_date = ?",
                rs -> out.put(rs.getString(1), rs.getLong(2)), type, referenceDate));
        return out;
    }

    @Override
    public List<KeyFigure> series(String bodyKey, String type) {
        registry.get(bodyKey);
        return jdbc.tx(c -> Sql.list(c, "SELECT * FROM key_figure WHERE body_key = ? AND figure_type = ? ORDER BY reference_date",
                rs -> new KeyFigure(rs.getString("figure_type"), rs.getString("body_key"), Sql.date(rs, "reference_date"),
                        rs.getLong("figure_value"), rs.getBoolean("synthetic")), bodyKey, type));
    }

    @Override
    public List<LocalDate> referenceDates(String type) {
        return jdbc.tx(c -> Sql.list(c, "SELECT DISTINCT reference_date FROM key_figure WHERE figure_type = ? ORDER BY reference_date",
                rs -> Sql.date(rs, "reference_date"), type));
    }

    @Override
    public List<String> types() {
        return jdbc.tx(c -> Sql.list(c, "SELECT DISTINCT figure_type FROM key_figure ORDER BY figure_type", rs -> rs.getString(1)));
    }

    /** Why a body cannot carry a figure of the type, or null if it can: refugees are counted per municipality. */
    public static String bodyProblem(MunicipalityRegistry registry, String type, String key) {
        java.util.Optional<Municipality> m = registry.find(key);
        if (m.isEmpty()) {
            return "Kommune mit Schlüssel " + key + " ist unbekannt";
        }
        return KeyFigure.REFUGEES.equals(type) && m.get().kind() == MunicipalityKind.LANDKREIS
                ? "Geflüchtete werden je Gemeinde erfasst, nicht für den " + m.get().name() : null;
    }

    @Override
    public int importFigures(Collection<KeyFigure> figures, String actor) {
        if (figures == null || figures.isEmpty()) {
            throw new InvalidInputException("Es wurden keine Kennzahlen übergeben.");
        }
        for (KeyFigure f : figures) {
            if (f.referenceDate() == null) {
                throw new InvalidInputException("Eine Kennzahl ohne Stichtag kann nicht gespeichert werden.");
            }
            String problem = bodyProblem(registry, f.type(), f.bodyKey());
            if (problem != null) {
                throw new InvalidInputException(problem + ".");
            }
        }
        return jdbc.tx(c -> {
            // the figures of a closed survey change only by a correction of that survey
            for (Map.Entry<String, java.util.Set<LocalDate>> key : keys(figures).entrySet()) {
                for (LocalDate day : key.getValue()) {
                    java.util.Optional<Long> survey = Sql.one(c, "SELECT survey_id FROM key_figure WHERE figure_type = ? AND reference_date = ?"
                            + " AND survey_id IS NOT NULL FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), key.getKey(), day);
                    if (survey.isPresent()) {
                        throw new de.paktwerk.core.api.ConflictException("Die Zahlen zum " + day.format(java.time.format.DateTimeFormatter
                                .ofPattern("dd.MM.yyyy")) + " stammen aus der abgeschlossenen Erhebung Nr. " + survey.get()
                                + "; sie ändern sich nur durch eine Korrektur dieser Erhebung, nicht durch einen Import.");
                    }
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM key_figure WHERE figure_type = ? AND body_key = ? AND reference_date = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO key_figure (figure_type, body_key, reference_date, figure_value, synthetic)"
                         + " VALUES (?, ?, ?, ?, ?)")) {
                for (KeyFigure f : figures) {
                    del.setString(1, f.type());
                    del.setString(2, f.bodyKey());
                    del.setObject(3, f.referenceDate());
                    del.addBatch();
                    ins.setString(1, f.type());
                    ins.setString(2, f.bodyKey());
                    ins.setObject(3, f.referenceDate());
                    ins.setLong(4, f.value());
                    ins.setBoolean(5, f.synthetic());
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            Map<String, Integer> perType = new TreeMap<>();
            figures.forEach(f -> perType.merge(f.type(), 1, Integer::sum));
            audit.append(c, actor, "key_figure", "*", "import", null, Json.object(Map.of("rows", figures.size(), "types", perType)));
            return figures.size();
        });
    }

    private static Map<String, java.util.Set<LocalDate>> keys(Collection<KeyFigure> figures) {
        Map<String, java.util.Set<LocalDate>> out = new TreeMap<>();
        figures.forEach(f -> out.computeIfAbsent(f.type(), t -> new java.util.TreeSet<>()).add(f.referenceDate()));
        return out;
    }

    /**
     * The figures of a closed survey become the key of its type and date, all of them, with the survey as their
     * provenance (replacing imported or synthetic figures of that date), in the caller's transaction.
     */
    public void storeSurvey(java.sql.Connection c, long surveyId, String type, LocalDate referenceDate, Map<String, Long> values)
            throws java.sql.SQLException {
        Sql.update(c, "DELETE FROM key_figure WHERE figure_type = ? AND reference_date = ?", type, referenceDate);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO key_figure (figure_type, body_key, reference_date, figure_value,"
                + " synthetic, survey_id) VALUES (?, ?, ?, ?, FALSE, ?)")) {
            for (Map.Entry<String, Long> e : new TreeMap<>(values).entrySet()) {
                ins.setString(1, type);
                ins.setString(2, e.getKey());
                ins.setObject(3, referenceDate);
                ins.setLong(4, e.getValue());
                ins.setLong(5, surveyId);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** One corrected figure of a closed survey, in the caller's transaction. */
    public KeyFigure correctSurveyFigure(java.sql.Connection c, long surveyId, String type, LocalDate referenceDate, String bodyKey, long value)
            throws java.sql.SQLException {
        int n = Sql.update(c, "UPDATE key_figure SET figure_value = ? WHERE figure_type = ? AND reference_date = ? AND body_key = ? AND survey_id = ?",
                value, type, referenceDate, bodyKey, surveyId);
        if (n != 1) {
            throw new IllegalStateException("key figure of survey " + surveyId + " for " + bodyKey + " missing");
        }
        return KeyFigure.of(type, bodyKey, referenceDate, value);
    }
}
