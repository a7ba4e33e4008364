package de.paktwerk.languagecourses.internal.rest;

import de.paktwerk.languagecourses.internal.Model.CourseReport;
import java.util.ArrayList;
import java.util.List;

/** The attendance summary per course as CSV (the core's one writer: formula cells neutralised), German column names, decimal comma. */
final class Csv {

    static final List<String> COLUMNS = List.of("kurs", "titel", "kreis", "format", "niveau", "kursperiode", "ue_gehalten", "ue_mit_liste",
            "aufgenommen", "abgeschlossen", "abgebrochen", "anwesenheitsquote", "pruefungen", "bestanden", "kinderbetreuung_ue", "fahrtkosten");

    private Csv() {
    }

    static String attendance(List<CourseReport> reports) {
        List<List<Object>> rows = new ArrayList<>();
        for (CourseReport r : reports) {
            rows.add(List.of(String.valueOf(r.courseId()), r.title(), r.responsibleKey(), r.format().german(),
                    r.targetLevel() == null ? "" : r.targetLevel().name(), r.coursePeriod(), String.valueOf(r.unitsHeld()), String.valueOf(r.unitsCounted()),
                    String.valueOf(r.enrolled()), String.valueOf(r.completed()), String.valueOf(r.droppedOut()),
                    r.attendanceRate() == null ? "" : r.attendanceRate().replace('.', ','),
                    String.valueOf(r.testsTaken().values().stream().mapToInt(Integer::intValue).sum()),
                    String.valueOf(r.testsPassed().values().stream().mapToInt(Integer::intValue).sum()), String.valueOf(r.childcareUnits()),
                    r.travelReimbursed().toString().replace('.', ',')));
        }
        return de.paktwerk.core.api.rest.CsvExport.write(COLUMNS, rows);
    }
}
