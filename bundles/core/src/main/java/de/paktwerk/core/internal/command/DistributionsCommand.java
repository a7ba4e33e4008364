package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:distributions} */
@Service
@Command(scope = "paktwerk", name = "distributions", description = "Listet die Verteilungsläufe.")
public class DistributionsCommand implements Action {

    @Reference
    DistributionService distributions;

    @Reference
    Session session;

    @Option(name = "-a", aliases = "--area", description = "Förderbereich")
    @Completion(AreaCompleter.class)
    String area;

    @Option(name = "-p", aliases = "--period", description = "Förderzeitraum")
    @Completion(PeriodCompleter.class)
    String period;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Förderbereich");
        table.column("Zeitraum");
        table.column("Art");
        table.column("Version").alignRight();
        table.column("Betrag").alignRight();
        table.column("Stichtag");
        table.column("Empfänger").alignRight();
        table.column("ersetzt");
        for (Distribution d : distributions.list(area, period)) {
            table.addRow().addContent(d.id(), d.areaId(), d.periodId(), d.kind() == de.paktwerk.core.api.DistributionKind.FINAL
                    ? "endgültig" : "vorläufig", d.version(), d.amount().toGerman(), d.referenceDate(), d.bodies(),
                    d.replacesId() == null ? "" : d.replacesId());
        }
        table.print(session.getConsole());
        return null;
    }
}
