package de.paktwerk.civicengagement.internal.command;

import de.paktwerk.civicengagement.internal.CeStore;
import de.paktwerk.civicengagement.internal.Model.Call;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code ce:calls} */
@Service
@Command(scope = "ce", name = "calls", description = "Listet die Aufrufe mit Budget, Frist und Fördergegenständen.")
public class CallsCommand implements Action {

    @Reference
    CeStore store;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Titel");
        table.column("Budget").alignRight();
        table.column("Frist");
        table.column("Fördergegenstände");
        table.column("Spanne").alignRight();
        for (Call c : store.calls()) {
            table.addRow().addContent(c.id(), c.title(), c.budget().toGerman(), c.deadline(), c.kinds().stream().map(k -> k.german()).sorted()
                    .collect(Collectors.joining(", ")), c.grantMin().toGerman() + " – " + c.grantMax().toGerman());
        }
        table.print(session.getConsole());
        return null;
    }
}
