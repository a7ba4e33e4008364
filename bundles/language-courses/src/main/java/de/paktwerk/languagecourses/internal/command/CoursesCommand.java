package de.paktwerk.languagecourses.internal.command;

import de.paktwerk.languagecourses.internal.LcStore;
import de.paktwerk.languagecourses.internal.Model.Course;
import de.paktwerk.languagecourses.internal.Rules;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code lc:courses} */
@Service
@Command(scope = "lc", name = "courses", description = "Listet die Sprachkurse aus bewilligten Kursplänen mit gehaltenen Unterrichtseinheiten und Teilnehmenden.")
public class CoursesCommand implements Action {

    @Reference
    LcStore store;

    @Reference
    Session session;

    @Option(name = "-p", aliases = "--kursperiode", description = "Kursperiode, z. B. 2017/18", required = false)
    String period;

    @Argument(index = 0, name = "kreis", description = "Schlüssel des Stadt- oder Landkreises; ohne: alle", required = false)
    String responsible;

    @Override
    public Object execute() {
        Integer year = period == null ? null : Rules.parsePeriod(period);
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Antrag").alignRight();
        table.column("Bescheid");
        table.column("Kreis");
        table.column("Format");
        table.column("Niveau");
        table.column("Titel");
        table.column("UE gehalten").alignRight();
        table.column("Plätze").alignRight();
        table.column("aufgenommen").alignRight();
        table.column("wartend").alignRight();
        for (Course c : store.courses(year, responsible, null)) {
            table.addRow().addContent(c.id(), c.applicationId(), c.decisionNumber(), c.responsibleKey(), c.format().german(),
                    c.targetLevel() == null ? "-" : c.targetLevel(), c.title(), c.unitsHeld() + "/" + c.plannedUnits(), c.capacity(), c.enrolled(),
                    c.waiting());
        }
        table.print(session.getConsole());
        return null;
    }
}
