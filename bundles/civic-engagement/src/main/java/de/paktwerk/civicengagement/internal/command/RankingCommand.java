package de.paktwerk.civicengagement.internal.command;

import de.paktwerk.civicengagement.internal.CeStore;
import de.paktwerk.civicengagement.internal.Model;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code ce:ranking} */
@Service
@Command(scope = "ce", name = "ranking", description = "Zeigt die Rangfolge eines Aufrufs als Vorschau (entschieden wird über REST, POST calls/{id}/ranking).")
public class RankingCommand implements Action {

    @Reference
    CeStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "aufruf", description = "Nummer des Aufrufs", required = true)
    long call;

    @Override
    public Object execute() {
        Model.Ranking r = store.ranking(call, false, "console");
        ShellTable table = new ShellTable();
        table.column("Rang").alignRight();
        table.column("Antrag").alignRight();
        table.column("Antragsteller");
        table.column("Bewertung").alignRight();
        table.column("beantragt").alignRight();
        table.column("Ergebnis");
        table.column("Betrag").alignRight();
        for (Model.Ranked p : r.places()) {
            table.addRow().addContent(p.rank(), p.applicationId(), p.applicantKey(), p.score(), p.requested().toGerman(), p.outcome(), p.amount().toGerman());
        }
        table.print(session.getConsole());
        session.getConsole().println("Budget " + r.budget().toGerman() + ", bereits gebunden " + r.approvedBefore().toGerman() + ", dieser Lauf "
                + r.approvedNow().toGerman() + ", übrig " + r.left().toGerman());
        return null;
    }
}
