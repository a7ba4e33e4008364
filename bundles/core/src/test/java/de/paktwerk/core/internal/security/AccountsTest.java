package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.PaktwerkException;
import de.paktwerk.core.api.spi.ScopeType;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AccountsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    final CoreFixture f = new CoreFixture("100000.00");
    RealmFixture realm;
    Accounts accounts;
    ApiTokens tokens;
    SessionTokens sessions;

    /** Position 5 exists, nothing else. */
    static final ScopeType POSITIONS = new ScopeType() {
        @Override
        public String prefix() {
            return "position";
        }

        @Override
        public String requiredFor() {
            return "caseworker";
        }

        @Override
        public String title() {
            return "Stelle";
        }

        @Override
        public boolean exists(String value) {
            return "5".equals(value);
        }
    };

    @Before
    public void setUp() throws Exception {
        realm = new RealmFixture(tmp.getRoot().toPath(), "admin = secret,_g_:admingroup\n_g_\\:admingroup = group,admin,ssh\n");
        tokens = new ApiTokens(f.database, f.audit, realm.users, new AuthCache(), java.time.Clock.systemUTC());
        sessions = new SessionTokens(java.time.Clock.systemUTC(), realm.users, SessionTokensTest.config(30, 10));
        accounts = new Accounts(realm.users, f.registry, f.audit, tokens, sessions);
    }

    Accounts.NewAccount account(String name, String role, List<String> keys, List<String> scopes, boolean replace) {
        return new Accounts.NewAccount(name, "zwölf-Zeichen-1", role, keys, scopes, replace);
    }

    /** The refusal's message, and nothing was written to the realm. */
    String refused(Class<? extends PaktwerkException> type, Accounts.NewAccount a) throws Exception {
        String before = Files.readString(realm.file);
        String message = assertThrows(type, () -> accounts.add(a, "admin")).getMessage();
        assertEquals(before, Files.readString(realm.file));
        return message;
    }

    @Test
    public void eachRoleGetsExactlyTheScopesItNeedsAndNeverSsh() {
        assertEquals(Set.of("municipality", "municipality:08421000"), accounts.add(account("ulm1", "municipality", List.of("08421000"), null, false), "admin"));
        assertEquals(Set.of("approver"), accounts.add(account("anna", "approver", null, null, false), "admin"));
        assertEquals(Set.of("auditor"), accounts.add(account("rita", "auditor", null, null, false), "admin"));
        accounts.addScopeType(POSITIONS);
        assertEquals(Set.of("caseworker", "position:5"), accounts.add(account("cw1", "caseworker", null, List.of("position:5"), false), "admin"));
        assertEquals(Set.of("admin", "ssh"), realm.users.roles("admin").orElseThrow());
        assertEquals(4, f.audit.entries(null, null, null, 0, 100).stream().filter(e -> e.entityType().equals("user")).count());
    }

    @Test
    public void whatTheOfficeCannotAcceptIsRefusedAndChangesNothing() throws Exception {
        assertTrue(refused(InvalidInputException.class, new Accounts.NewAccount("kurz", "elf-Zeichen", "auditor", null, null, false))
                .contains("mindestens 12 Zeichen"));
        assertTrue(refused(InvalidInputException.class, account("ulm1", "municipality", null, null, false)).contains("-m"));
        assertTrue(refused(InvalidInputException.class, account("ulm1", "municipality", List.of("08999999"), null, false)).contains("08999999"));
        assertTrue(refused(InvalidInputException.class, account("anna", "approver", List.of("08421000"), null, false)).contains("Trennung"));
        assertTrue(refused(InvalidInputException.class, account("cw1", "caseworker", null, null, false)).contains("-p"));
        accounts.addScopeType(POSITIONS);
        assertTrue(refused(InvalidInputException.class, account("cw1", "caseworker", null, List.of("position:6"), false)).contains("'6'"));
        assertTrue(refused(InvalidInputException.class, account("cw1", "caseworker", null, null, false)).contains("Stelle"));
        assertTrue(refused(InvalidInputException.class, account("boss", "admin", null, null, false)).contains("Unbekannte Rolle"));
    }

    @Test
    public void anExistingAccountIsReplacedOnlyWhenAskedAndLosesItsTokens() throws Exception {
        accounts.add(account("anna", "approver", null, null, false), "admin");
        ApiTokens.NewToken token = tokens.create("anna", "Fachverfahren", null, "admin");
        assertTrue(refused(ConflictException.class, account("anna", "auditor", null, null, false)).contains("--replace"));
        assertEquals(Set.of("approver"), realm.users.roles("anna").orElseThrow());
        assertTrue(tokens.authenticate(token.token()).isPresent());
        assertEquals(Set.of("auditor"), accounts.add(account("anna", "auditor", null, null, true), "admin"));
        assertFalse(tokens.authenticate(token.token()).isPresent());
        assertTrue(refused(ConflictException.class, account("admin", "auditor", null, null, true)).contains("Administrator"));
    }

    /** A replaced password ends the sessions of the web interface opened with the old one, like it revokes the API tokens. */
    @Test
    public void aReplacedAccountLosesItsSessions() {
        accounts.add(account("anna", "approver", null, null, false), "admin");
        String session = sessions.open("anna").token();
        assertTrue(sessions.authenticate(session).isPresent());
        accounts.add(account("anna", "approver", null, null, true), "admin");
        assertFalse(sessions.authenticate(session).isPresent());
    }

    /**
     * The probe: jaas:user-delete, then jaas:user-add of the same name for another person (or a new password on an
     * existing user), and the old token and session still answered 200 until they were used. Now they are bound to the
     * account's identity: refused at their next use, and revoked by the reconciliation that follows any change.
     */
    @Test
    public void anAccountCreatedAgainUnderItsNameInheritsNeitherTokenNorSessionWhicheverWayTheRealmChanged() {
        accounts.add(account("sess2", "approver", null, null, false), "admin");
        ApiTokens.NewToken token = tokens.create("sess2", "Fachverfahren", null, "admin");
        String session = sessions.open("sess2").token();
        ApiTokens.NewToken other = tokens.create("admin", "Betrieb", null, "admin");
        // as Karaf's jaas:user-delete and jaas:user-add do it, past Paktwerk's own commands
        realm.users.withEngine(engine -> {
            engine.deleteUser("sess2");
            return null;
        });
        realm.users.withEngine(engine -> {
            engine.addUser("sess2", "ein-anderes-passwort");
            engine.addRole("sess2", "approver");
            return null;
        });
        assertEquals(1, tokens.reconcile());
        assertEquals(1, sessions.reconcile());
        assertFalse(tokens.authenticate(token.token()).isPresent());
        assertFalse(sessions.authenticate(session).isPresent());
        assertTrue("another account's token stays", tokens.authenticate(other.token()).isPresent());
        assertEquals(List.of("create", "revoke"), f.audit.entries("api_token", String.valueOf(token.id())).stream()
                .map(de.paktwerk.core.api.AuditEntry::action).toList());

        // a new password on the existing user (jaas:user-add on it): refused at the next use even before any reconciliation
        ApiTokens.NewToken fresh = tokens.create("sess2", "Fachverfahren", null, "admin");
        String again = sessions.open("sess2").token();
        realm.users.withEngine(engine -> {
            engine.addUser("sess2", "noch-ein-passwort");
            return null;
        });
        assertFalse(tokens.authenticate(fresh.token()).isPresent());
        assertFalse(sessions.authenticate(again).isPresent());
    }
}
