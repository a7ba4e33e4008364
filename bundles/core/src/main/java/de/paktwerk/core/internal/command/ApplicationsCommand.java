package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.Page;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:applications} */
@Service
@Command(scope = "paktwerk", name = "applications", description = "Listet Anträge.")
public class ApplicationsCommand implements Action {

    @Reference
    ApplicationService applications;

    @Reference
    Session session;

    @Option(name = "-a", aliases = "--area", description = "Förderbereich")
    @Completion(AreaCompleter.class)
    String area;

    @Option(name = "-s", aliases = "--state", description = "Zustand")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "SUBMITTED", "APPROVED", "PARTIALLY_APPROVED", "REJECTED", "WITHDRAWN"})
    String state;

    @Option(name = "-k", aliases = "--applicant", description = "Schlüssel des Antragstellers")
    String applicant;

    @Option(name = "-n", aliases = "--limit", description = "Höchstens so viele Zeilen")
    int limit = 50;

    @Override
    public Object execute() {
        Page<Application> page = applications.list(applicant, area, state == null ? null : ApplicationState.valueOf(state.toUpperCase()),
                0, Math.max(1, Math.min(limit, Page.MAX_LIMIT)));
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Antragsteller");
        table.column("Förderbereich");
        table.column("Zeitraum");
        table.column("Beantragt").alignRight();
        table.column("Förderfähig").alignRight();
        table.column("Zustand");
        for (Application a : page.items()) {
            table.addRow().addContent(a.id(), a.applicantKey(), a.areaId(), a.periodId(), a.requested().toGerman(),
                    a.priced().toGerman(), a.state().german());
        }
        table.print(session.getConsole());
        session.getConsole().println(page.items().size() + " von " + page.total() + " Anträgen");
        return null;
    }
}
