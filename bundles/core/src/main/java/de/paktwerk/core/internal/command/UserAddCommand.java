package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.internal.security.JaasUsers;
import java.util.List;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code paktwerk:user-add} */
@Service
@Command(scope = "paktwerk", name = "user-add", description = "Legt einen Benutzer mit Rolle an, gebunden an Kommunen oder Stellen.")
public class UserAddCommand implements Action {

    @Reference
    JaasUsers users;

    @Reference
    MunicipalityRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "Benutzername", required = true)
    String name;

    @Argument(index = 1, name = "passwort", description = "Passwort (wird gehasht gespeichert)", required = true)
    String password;

    @Argument(index = 2, name = "rolle", description = "approver, municipality, caseworker oder auditor", required = true)
    @Completion(value = StringsCompleter.class, values = {"approver", "municipality", "caseworker", "auditor"})
    String role;

    @Option(name = "-m", aliases = "--municipality", description = "amtlicher Schlüssel, für den der Benutzer handelt", multiValued = true)
    List<String> municipalities;

    @Option(name = "-p", aliases = "--position", description = "Stelle, deren Fallbestand der Benutzer führt", multiValued = true)
    List<Long> positions;

    @Override
    public Object execute() {
        if (!List.of(Caller.APPROVER, Caller.MUNICIPALITY, Caller.CASEWORKER, Caller.AUDITOR).contains(role)) {
            throw new IllegalArgumentException("Unbekannte Rolle '" + role + "'.");
        }
        BackingEngine engine = users.engine().orElseThrow(() -> new IllegalStateException("Realm 'karaf' ist nicht bearbeitbar."));
        if (municipalities != null) {
            municipalities.forEach(registry::get);
        }
        engine.addUser(name, password);
        engine.addRole(name, role);
        engine.addRole(name, "ssh");
        if (municipalities != null) {
            municipalities.forEach(key -> engine.addRole(name, Caller.MUNICIPALITY_SCOPE + key));
        }
        if (positions != null) {
            positions.forEach(id -> engine.addRole(name, Caller.POSITION_SCOPE + id));
        }
        session.getConsole().println("Benutzer " + name + " angelegt: " + users.roles(name).orElseThrow());
        return null;
    }
}
