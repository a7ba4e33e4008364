package de.paktwerk.im.internal.command;

import de.paktwerk.im.internal.ImStore;
import de.paktwerk.im.internal.Model.Position;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code im:positions} */
@Service
@Command(scope = "im", name = "positions", description = "Listet die geförderten Stellen des Integrationsmanagements.")
public class PositionsCommand implements Action {

    @Reference
    ImStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "kommune", description = "Schlüssel der verantwortlichen Kommune; ohne: alle", required = false)
    String responsible;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Kommune");
        table.column("Integrationsmanager/in");
        table.column("Stellenanteil").alignRight();
        table.column("Qualifikation");
        table.column("eingestellt");
        table.column("gefördert bis");
        table.column("Förderung").alignRight();
        for (Position p : store.positions(responsible)) {
            table.addRow().addContent(p.id(), p.responsibleKey(), p.managerName(), p.fte(), p.qualification().german(),
                    p.hireDate(), p.fundedUntil(), p.funding().toGerman());
        }
        table.print(session.getConsole());
        return null;
    }
}
