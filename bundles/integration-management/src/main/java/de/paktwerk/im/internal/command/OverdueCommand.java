package de.paktwerk.im.internal.command;

import de.paktwerk.im.internal.ImStore;
import de.paktwerk.im.internal.Model.OverdueReview;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code im:overdue} */
@Service
@Command(scope = "im", name = "overdue", description = "Listet überfällige Überprüfungen von Integrationsplänen je Gemeinde oder Stelle.")
public class OverdueCommand implements Action {

    @Reference
    ImStore store;

    @Reference
    Session session;

    @Option(name = "-m", aliases = "--municipality", description = "Schlüssel der Gemeinde")
    String municipality;

    @Option(name = "-p", aliases = "--position", description = "Stellennummer (Integrationsmanager/in)")
    Long position;

    @Override
    public Object execute() {
        List<OverdueReview> overdue = store.overdue(municipality, position);
        ShellTable table = new ShellTable();
        table.column("Fall");
        table.column("Gemeinde");
        table.column("Stelle").alignRight();
        table.column("Integrationsmanager/in");
        table.column("fällig seit");
        for (OverdueReview o : overdue) {
            table.addRow().addContent(o.caseId(), o.municipalityKey(), o.positionId(), o.managerName(), o.due());
        }
        table.print(session.getConsole());
        session.getConsole().println(overdue.size() + " überfällige Überprüfungen");
        return null;
    }
}
