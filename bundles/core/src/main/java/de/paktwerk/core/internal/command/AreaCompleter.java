package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.FundingAreas;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the funding areas installed right now. */
@Service
public class AreaCompleter implements Completer {

    @Reference
    FundingAreas areas;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        areas.installed().stream().map(de.paktwerk.core.api.AreaDescriptor::id).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
