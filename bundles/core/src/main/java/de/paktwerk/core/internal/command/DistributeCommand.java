package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.Money;
import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:distribute} */
@Service
@Command(scope = "paktwerk", name = "distribute", description = "Führt eine Verteilung aus (Geld folgt Flüchtling) und friert sie ein.")
public class DistributeCommand implements Action {

    @Reference
    de.paktwerk.core.api.Actors actors;

    @Reference
    DistributionService distributions;

    @Reference
    Session session;

    @Argument(index = 0, name = "bereich", description = "Förderbereich", required = true)
    @Completion(AreaCompleter.class)
    String area;

    @Argument(index = 1, name = "zeitraum", description = "Förderzeitraum", required = true)
    @Completion(PeriodCompleter.class)
    String period;

    @Argument(index = 2, name = "betrag", description = "Betrag in Euro, z. B. 35000000.00", required = true)
    String amount;

    @Option(name = "-f", aliases = "--final", description = "endgültige statt vorläufiger Verteilung")
    boolean finalRun;

    @Option(name = "-s", aliases = "--stichtag", description = "Stichtag JJJJ-MM-TT (Standard: der des Förderbereichs)")
    String referenceDate;

    @Option(name = "-k", aliases = "--kennzahl", description = "Art der Kennzahl, z. B. population (Standard: die des Förderbereichs)")
    String keyFigureType;

    @Option(name = "-l", aliases = "--nur-kreise", description = "nur an die Stadt- und Landkreise verteilen")
    boolean districtsOnly;

    @Override
    public Object execute() {
        Distribution d = distributions.run(new DistributionRequest(area, period, finalRun ? DistributionKind.FINAL : DistributionKind.PROVISIONAL,
                Money.parse(amount), referenceDate == null ? null : LocalDate.parse(referenceDate), keyFigureType,
                districtsOnly ? de.paktwerk.core.api.KeyTarget.DISTRICTS : null), actors.consoleUser());
        session.getConsole().println("Verteilung " + d.id() + " (Version " + d.version() + ", " + (finalRun ? "endgültig" : "vorläufig")
                + "): " + d.amount().toGerman() + " auf " + d.bodies() + " Empfänger, Stichtag " + d.referenceDate() + ".");
        return null;
    }
}
