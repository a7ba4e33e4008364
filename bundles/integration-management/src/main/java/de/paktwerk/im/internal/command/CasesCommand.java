package de.paktwerk.im.internal.command;

import de.paktwerk.im.internal.ImStore;
import de.paktwerk.im.internal.Model.Case;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code im:cases} — pseudonymised: ids only, no personal details. */
@Service
@Command(scope = "im", name = "cases", description = "Listet den Fallbestand (pseudonymisiert) mit Beratungszeitraum.")
public class CasesCommand implements Action {

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
        ShellTable table = new ShellTable();
        table.column("Fall");
        table.column("Gemeinde");
        table.column("Stelle").alignRight();
        table.column("Beratung seit");
        table.column("spätestens bis");
        table.column("beendet");
        for (Case c : store.cases(municipality, position)) {
            table.addRow().addContent(c.id(), c.municipalityKey(), c.positionId(), c.counsellingStart(), c.latestEnd(),
                    c.counsellingEnd() == null ? "" : c.counsellingEnd());
        }
        table.print(session.getConsole());
        return null;
    }
}
