package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.BudgetService;
import de.paktwerk.core.api.FundingPeriod;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:budgets} */
@Service
@Command(scope = "paktwerk", name = "budgets", description = "Zeigt Förderzeiträume mit Gesamtrahmen und die Budgets der Förderbereiche.")
public class BudgetsCommand implements Action {

    @Reference
    BudgetService budgets;

    @Reference
    Session session;

    @Argument(index = 0, name = "zeitraum", description = "Förderzeitraum, z. B. 2017; ohne: alle", required = false)
    @Completion(PeriodCompleter.class)
    String period;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Zeitraum");
        table.column("Förderbereich");
        table.column("Budget").alignRight();
        table.column("Bewilligt").alignRight();
        table.column("Frei").alignRight();
        for (FundingPeriod p : budgets.periods()) {
            if (period != null && !period.equals(p.id())) {
                continue;
            }
            table.addRow().addContent(p.id(), "(Gesamtrahmen)", p.envelope().toGerman(), "", "");
            for (Budget b : budgets.budgets(p.id())) {
                table.addRow().addContent(p.id(), b.areaId(), b.amount().toGerman(), b.committed().toGerman(), b.available().toGerman());
            }
        }
        table.print(session.getConsole());
        return null;
    }
}
