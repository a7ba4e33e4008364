package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.distribution.MoneyOverview;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:overview} */
@Service
@Command(scope = "paktwerk", name = "overview", description = "Alle Pakt-Mittel einer Kommune in einem Zeitraum: pauschale Zuweisung und je Förderbereich"
        + " bewilligt, gezahlt, freigegeben, zurückgefordert.")
public class OverviewCommand implements Action {

    @Reference
    MoneyOverview overview;

    @Reference
    Session session;

    @Option(name = "-p", aliases = "--zeitraum", description = "Förderzeitraum, z. B. 2017", required = true)
    @Completion(PeriodCompleter.class)
    String period;

    @Argument(index = 0, name = "kommune", description = "amtlicher Schlüssel der Kommune oder des Kreises", required = true)
    String key;

    @Override
    public Object execute() {
        MoneyOverview.Overview o = overview.body(key, period);
        ShellTable table = new ShellTable();
        table.column("Mittel");
        table.column("bewilligt").alignRight();
        table.column("gezahlt").alignRight();
        table.column("freigegeben").alignRight();
        table.column("zurückgefordert").alignRight();
        table.addRow().addContent("pauschale Zuweisung", o.flat().toGerman(), o.flat().toGerman(), "", "");
        for (MoneyOverview.AreaMoney a : o.areas()) {
            table.addRow().addContent(a.areaId(), a.approved().toGerman(), a.paid().toGerman(), a.released().toGerman(), a.reclaimed().toGerman());
        }
        table.addRow().addContent("Förderbereiche zusammen", o.programme().approved().toGerman(), o.programme().paid().toGerman(),
                o.programme().released().toGerman(), o.programme().reclaimed().toGerman());
        session.getConsole().println(o.name() + " (" + o.key() + "), Zeitraum " + period);
        table.print(session.getConsole());
        return null;
    }
}
