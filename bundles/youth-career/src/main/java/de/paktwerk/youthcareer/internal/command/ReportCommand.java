package de.paktwerk.youthcareer.internal.command;

import de.paktwerk.youthcareer.internal.Model.ReportRow;
import de.paktwerk.youthcareer.internal.Rules;
import de.paktwerk.youthcareer.internal.YcStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code yc:report} */
@Service
@Command(scope = "yc", name = "report", description = "Bericht eines Schuljahres je Antragsteller und Teilprogramm (Gruppen unter 5 unterdrückt: -).")
public class ReportCommand implements Action {

    @Reference
    YcStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "schuljahr", description = "Schuljahr, z. B. 2018/19", required = true)
    String schoolYear;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Antragsteller");
        table.column("Teilprogramm");
        table.column("Stellen").alignRight();
        table.column("VZÄ").alignRight();
        table.column("Förderung").alignRight();
        table.column("erreicht").alignRight();
        table.column("davon geflüchtet").alignRight();
        table.column("Übergänge Ausbildung").alignRight();
        for (ReportRow r : store.report(Rules.parseSchoolYear(schoolYear), null)) {
            table.addRow().addContent(r.responsibleKey(), r.programme().german(), r.positions(), r.fte().replace('.', ','), r.funded().toGerman(),
                    dash(r.pupilsReached()), dash(r.refugeePupils()), dash(r.transitionsTraining()));
        }
        table.print(session.getConsole());
        return null;
    }

    private static Object dash(Integer n) {
        return n == null ? "-" : n;
    }
}
