package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.spi.ScopeType;
import de.paktwerk.core.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Creating accounts of the realm "karaf" under the approval office's rules: one role per person, the scopes
 * the role needs and only existing ones (a municipality user acts for an existing official key, a caseworker
 * for an existing position), never approver and applicant in one person, the {@code ssh} role for
 * administrators only, passwords of at least {@value #MIN_PASSWORD} characters stored as the realm's
 * encryption says (bcrypt), and an existing account replaced only when asked.
 */
@Component(service = Accounts.class)
public class Accounts {

    public static final int MIN_PASSWORD = 12;
    /** The roles {@code paktwerk:user-add} gives; {@code admin} is managed with Karaf's own commands. */
    public static final List<String> ROLES = List.of(Caller.APPROVER, Caller.MUNICIPALITY, Caller.PROVIDER, Caller.CASEWORKER, Caller.AUDITOR,
            Caller.STATISTICS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** An account to create. {@code scopes} are further scope roles such as {@code position:5}. */
    public record NewAccount(String name, String password, String role, List<String> municipalities, List<String> scopes,
                             boolean replace) {
    }

    private final JaasUsers users;
    private final MunicipalityRegistry registry;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final SessionTokens sessions;
    private final ConcurrentMap<String, ScopeType> scopeTypes = new ConcurrentHashMap<>();

    @Activate
    public Accounts(@Reference JaasUsers users, @Reference MunicipalityRegistry registry, @Reference AuditLog audit,
                    @Reference ApiTokens tokens, @Reference SessionTokens sessions) {
        this.users = users;
        this.registry = registry;
        this.audit = audit;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addScopeType(ScopeType type) {
        scopeTypes.put(type.prefix(), type);
    }

    void removeScopeType(ScopeType type) {
        scopeTypes.remove(type.prefix(), type);
    }

    /** Creates (or, with {@code replace}, replaces) the account; returns its roles. */
    public Set<String> add(NewAccount a, String actor) {
        if (a.name() == null || !NAME.matcher(a.name()).matches()) {
            throw new InvalidInputException("Der Benutzername muss mit einem Buchstaben oder einer Ziffer beginnen und darf nur"
                    + " Buchstaben, Ziffern und . _ @ - enthalten (höchstens 64 Zeichen).");
        }
        if (a.password() == null || a.password().length() < MIN_PASSWORD) {
            throw new InvalidInputException("Das Passwort muss mindestens " + MIN_PASSWORD + " Zeichen lang sein.");
        }
        if (!ROLES.contains(a.role())) {
            throw new InvalidInputException("Unbekannte Rolle '" + a.role() + "'; möglich sind " + String.join(", ", ROLES)
                    + " (Administratoren verwaltet man mit jaas:*).");
        }
        List<String> municipalities = a.municipalities() == null ? List.of() : a.municipalities();
        List<String> scopes = a.scopes() == null ? List.of() : a.scopes();
        Set<String> roles = new TreeSet<>();
        roles.add(a.role());
        if (Caller.MUNICIPALITY.equals(a.role())) {
            if (municipalities.isEmpty()) {
                throw new InvalidInputException("Ein Benutzer mit der Rolle municipality braucht mit -m den amtlichen Schlüssel"
                        + " der Kommune, für die er handelt.");
            }
            for (String key : municipalities) {
                if (registry.find(key).isEmpty()) {
                    throw new InvalidInputException("Kommune '" + key + "' ist unbekannt (amtlicher Schlüssel erwartet).");
                }
                roles.add(Caller.MUNICIPALITY_SCOPE + key);
            }
        } else if (!municipalities.isEmpty()) {
            throw new InvalidInputException(Caller.APPROVER.equals(a.role())
                    ? "Wer bewilligt, handelt nicht zugleich für eine antragstellende Kommune (Trennung der Aufgaben): approver mit -m ist nicht erlaubt."
                    : "Nur die Rolle municipality wird an Kommunen gebunden (-m).");
        }
        for (String scope : scopes) {
            int colon = scope.indexOf(':');
            String prefix = colon > 0 ? scope.substring(0, colon) : scope;
            ScopeType type = scopeTypes.get(prefix);
            if (type == null) {
                throw new InvalidInputException("Bereiche der Art '" + prefix + "' kennt derzeit kein installiertes Modul.");
            }
            if (!type.requiredFor().equals(a.role())) {
                throw new InvalidInputException("Die Rolle " + a.role() + " wird nicht an eine " + type.title() + " gebunden.");
            }
            String value = colon > 0 ? scope.substring(colon + 1) : "";
            if (value.isBlank() || !type.exists(value)) {
                throw new InvalidInputException(type.title() + " '" + value + "' gibt es nicht.");
            }
            roles.add(prefix + ":" + value);
        }
        for (ScopeType type : scopeTypes.values()) {
            if (type.requiredFor().equals(a.role()) && roles.stream().noneMatch(r -> r.startsWith(type.prefix() + ":"))) {
                throw new InvalidInputException("Ein Benutzer mit der Rolle " + a.role() + " braucht eine bestehende " + type.title()
                        + " (" + type.prefix() + ").");
            }
        }
        if (Caller.CASEWORKER.equals(a.role()) && roles.stream().noneMatch(r -> r.startsWith(Caller.POSITION_SCOPE))) {
            throw new InvalidInputException("Ein Benutzer mit der Rolle caseworker braucht mit -p eine bestehende Stelle;"
                    + " derzeit ist kein Modul installiert, das Stellen führt.");
        }
        boolean replaced = users.withEngine(engine -> {
            boolean exists = engine.lookupUser(a.name()) != null;
            if (exists && !a.replace()) {
                throw new ConflictException("Benutzer '" + a.name() + "' gibt es bereits; zum Ersetzen von Passwort und Rollen --replace angeben.");
            }
            if (exists) {
                boolean admin = engine.listRoles(engine.lookupUser(a.name())).stream().anyMatch(r -> Caller.ADMIN.equals(r.getName()));
                if (admin) {
                    throw new ConflictException("Benutzer '" + a.name() + "' ist Administrator; ihn ändert man mit jaas:*.");
                }
                engine.deleteUser(a.name());
            }
            engine.addUser(a.name(), a.password());
            roles.forEach(r -> engine.addRole(a.name(), r));
            return exists;
        });
        tokens.revokeAllOf(a.name(), actor); // a new or replaced account starts without the old tokens
        sessions.closeAllOf(a.name()); // ... and without the web sessions opened with the old password
        Map<String, Object> record = new TreeMap<>();
        record.put("role", a.role());
        record.put("scopes", new ArrayList<>(roles));
        audit.append(actor, "user", a.name(), replaced ? "replace" : "create", null, Json.object(record));
        return users.roles(a.name()).orElse(roles);
    }
}
