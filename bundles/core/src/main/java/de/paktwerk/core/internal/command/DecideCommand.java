package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.Money;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code paktwerk:decide} */
@Service
@Command(scope = "paktwerk", name = "decide", description = "Entscheidet über einen eingereichten Antrag (Bewilligungsbescheid).")
public class DecideCommand implements Action {

    @Reference
    de.paktwerk.core.api.Actors actors;

    @Reference
    ApplicationService applications;

    @Reference
    Session session;

    @Argument(index = 0, name = "antrag", description = "Antragsnummer", required = true)
    long id;

    @Argument(index = 1, name = "entscheidung", description = "APPROVED, PARTIALLY_APPROVED oder REJECTED", required = true)
    @Completion(value = StringsCompleter.class, values = {"APPROVED", "PARTIALLY_APPROVED", "REJECTED"})
    String outcome;

    @Argument(index = 2, name = "betrag", description = "bewilligter Betrag in Euro (bei voller Bewilligung optional)", required = false)
    String amount;

    @Option(name = "-c", aliases = "--conditions", description = "Nebenbestimmungen")
    String conditions;

    @Override
    public Object execute() {
        Decision d = applications.decide(id, new DecisionRequest(ApplicationState.valueOf(outcome.toUpperCase()),
                amount == null ? null : Money.parse(amount), conditions), actors.consoleUser());
        session.getConsole().println((d.number() != null ? "Bescheid " + d.number() : "Entscheidung " + d.id()) + ": "
                + d.outcome().german() + ", " + d.amount().toGerman()
                + (d.needsConfirmation() ? " — wartet auf Bestätigung durch eine zweite Person (Vier-Augen-Prinzip);"
                + " die Bescheidnummer folgt mit der Bestätigung." : "."));
        return null;
    }
}
