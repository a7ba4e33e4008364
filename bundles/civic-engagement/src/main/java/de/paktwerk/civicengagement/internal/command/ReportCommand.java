package de.paktwerk.civicengagement.internal.command;

import de.paktwerk.civicengagement.internal.CeStore;
import de.paktwerk.civicengagement.internal.Model.CallReport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code ce:report} */
@Service
@Command(scope = "ce", name = "report", description = "Bericht eines Aufrufs je Fördergegenstand (Gruppen unter 5 unterdrückt: -).")
public class ReportCommand implements Action {

    @Reference
    CeStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "aufruf", description = "Nummer des Aufrufs", required = true)
    long call;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Fördergegenstand");
        table.column("Anträge").alignRight();
        table.column("bewilligt").alignRight();
        table.column("Betrag").alignRight();
        table.column("anerkannt").alignRight();
        table.column("Teilnehmende").alignRight();
        table.column("Engagierte").alignRight();
        for (CallReport r : store.callReport(call)) {
            table.addRow().addContent(r.kind().german(), r.applications(), r.approved(), r.approvedAmount().toGerman(), r.accepted().toGerman(),
                    r.participants() == null ? "-" : r.participants(), r.volunteers() == null ? "-" : r.volunteers());
        }
        table.print(session.getConsole());
        return null;
    }
}
