package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.BudgetService;
import de.paktwerk.core.api.FundingPeriod;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes funding-period ids. */
@Service
public class PeriodCompleter implements Completer {

    @Reference
    BudgetService budgets;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        budgets.periods().stream().map(FundingPeriod::id).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
