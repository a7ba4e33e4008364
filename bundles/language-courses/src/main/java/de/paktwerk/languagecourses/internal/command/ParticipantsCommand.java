package de.paktwerk.languagecourses.internal.command;

import de.paktwerk.languagecourses.internal.LcStore;
import de.paktwerk.languagecourses.internal.Model.Participant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code lc:participants} */
@Service
@Command(scope = "lc", name = "participants", description = "Teilnehmende und Warteliste eines Kurses (pseudonymisiert: Nummer, Geburtsjahr, Status).")
public class ParticipantsCommand implements Action {

    @Reference
    LcStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "kurs", description = "Nummer des Kurses", required = true)
    long course;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Geburtsjahr").alignRight();
        table.column("Status");
        table.column("Stand");
        table.column("Warteplatz").alignRight();
        table.column("aufgenommen");
        table.column("ausgeschieden");
        table.column("Prüfung");
        for (Participant p : store.participants(course)) {
            table.addRow().addContent(p.id(), p.birthYear(), p.status(), p.state(), p.waitingPosition() == null ? "-" : p.waitingPosition(),
                    p.enrolledOn() == null ? "-" : p.enrolledOn(), p.leftOn() == null ? "-" : p.leftOn(),
                    p.testLevel() == null ? "-" : p.testLevel() + (Boolean.TRUE.equals(p.testPassed()) ? " bestanden" : " nicht bestanden"));
        }
        table.print(session.getConsole());
        return null;
    }
}
