package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.internal.security.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * {@code paktwerk:user-add [-m key]… [-p position]… [--replace] name password role}. Karaf's shell reads
 * options before arguments.
 */
@Service
@Command(scope = "paktwerk", name = "user-add", description = "Legt einen Benutzer mit einer Rolle an, gebunden an eine Kommune (-m)"
        + " oder eine Stelle (-p) oder einen Träger (-t). Optionen stehen vor den Argumenten.")
public class UserAddCommand implements Action {

    @Reference
    de.paktwerk.core.api.Actors actors;

    @Reference
    Accounts accounts;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "Benutzername", required = true)
    String name;

    @Argument(index = 1, name = "passwort", description = "Passwort, mindestens 12 Zeichen (wird mit bcrypt gespeichert)", required = true)
    String password;

    @Argument(index = 2, name = "rolle", description = "approver, municipality, provider, caseworker, auditor oder statistics (Statistisches Landesamt)", required = true)
    @Completion(value = StringsCompleter.class, values = {"approver", "municipality", "provider", "caseworker", "auditor", "statistics"})
    String role;

    @Option(name = "-m", aliases = "--municipality", description = "amtlicher Schlüssel der Kommune, für die ein municipality-Benutzer handelt",
            multiValued = true)
    List<String> municipalities;

    @Option(name = "-p", aliases = "--position", description = "Stelle, deren Fallbestand ein caseworker führt", multiValued = true)
    List<String> positions;

    @Option(name = "-t", aliases = "--traeger", description = "Nummer des Trägers, in dessen Namen ein provider-Benutzer beantragt",
            multiValued = true)
    List<String> providers;

    @Option(name = "--replace", description = "einen bestehenden Benutzer ersetzen (Passwort und Rollen)")
    boolean replace;

    @Override
    public Object execute() {
        List<String> scopes = new ArrayList<>();
        if (positions != null) {
            positions.forEach(p -> scopes.add(Caller.POSITION_SCOPE + p));
        }
        if (providers != null) {
            providers.forEach(p -> scopes.add(Caller.PROVIDER_SCOPE + p));
        }
        Set<String> roles = accounts.add(new Accounts.NewAccount(name, password, role, municipalities, scopes, replace), actors.consoleUser());
        session.getConsole().println("Benutzer " + name + (replace ? " angelegt oder ersetzt: " : " angelegt: ") + roles);
        return null;
    }
}
