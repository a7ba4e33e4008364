package de.paktwerk.im.internal.command;

import de.paktwerk.core.api.Actors;

import de.paktwerk.im.internal.ImRetention;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code im:purge} */
@Service
@Command(scope = "im", name = "purge", description = "Löscht Falldaten, deren Beratung länger als die Aufbewahrungsfrist beendet ist (läuft sonst täglich).")
public class PurgeCommand implements Action {

    @Reference
    ImRetention retention;

    @Reference
    Session session;

    @Reference
    Actors actors;

    @Override
    public Object execute() {
        List<String> deleted = retention.purge(actors.consoleUser());
        session.getConsole().println(deleted.size() + " Fälle gelöscht" + (deleted.isEmpty() ? "." : ": " + String.join(", ", deleted)));
        return null;
    }
}
