package de.paktwerk.languagecourses.internal.command;

import de.paktwerk.languagecourses.internal.LcStore;
import de.paktwerk.languagecourses.internal.Model.CourseReport;
import de.paktwerk.languagecourses.internal.Rules;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code lc:report} */
@Service
@Command(scope = "lc", name = "report", description = "Bericht einer Kursperiode je Kurs: UE, Aufgenommene, Abschlüsse, Abbrüche, Anwesenheitsquote, Prüfungen.")
public class ReportCommand implements Action {

    @Reference
    LcStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "kursperiode", description = "Kursperiode, z. B. 2017/18", required = true)
    String period;

    @Argument(index = 1, name = "kreis", description = "Schlüssel des Kreises; ohne: alle", required = false)
    String responsible;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Kurs").alignRight();
        table.column("Kreis");
        table.column("Format");
        table.column("UE").alignRight();
        table.column("aufgenommen").alignRight();
        table.column("abgeschlossen").alignRight();
        table.column("abgebrochen").alignRight();
        table.column("Anwesenheit").alignRight();
        table.column("Prüfungen").alignRight();
        table.column("bestanden").alignRight();
        for (CourseReport r : store.courseReports(Rules.parsePeriod(period), responsible)) {
            table.addRow().addContent(r.courseId(), r.responsibleKey(), r.format().german(), r.unitsHeld(), r.enrolled(), r.completed(), r.droppedOut(),
                    r.attendanceRate() == null ? "-" : r.attendanceRate().replace('.', ','),
                    r.testsTaken().values().stream().mapToInt(Integer::intValue).sum(),
                    r.testsPassed().values().stream().mapToInt(Integer::intValue).sum());
        }
        table.print(session.getConsole());
        return null;
    }
}
