package de.paktwerk.core.internal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of Karaf's JAAS realm "karaf" (etc/users.properties by default), for lookups and changes.
 *
 * <p>Every operation works on a backing engine built for that operation, so it sees the realm's current
 * state: users added, deleted or changed with Karaf's own {@code jaas:*} commands in between are neither
 * resurrected nor lost (a backing engine holds a copy of the file from the moment it was built and writes
 * that copy back). Operations of this class are serialised among themselves.
 */
@Component(service = {JaasUsers.class, ActorRoles.class})
public class JaasUsers implements ActorRoles {

    static final String REALM = "karaf";
    private static final Logger LOG = LoggerFactory.getLogger(JaasUsers.class);

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> factories;

    @Activate
    public JaasUsers(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
                     List<JaasRealm> realms,
                     @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
                     List<BackingEngineFactory> factories) {
        this.realms = List.copyOf(realms);
        this.factories = List.copyOf(factories);
        usersFile().ifPresent(JaasUsers::ownerOnly);
    }

    /** Whether the realm has an editable backing store. */
    public boolean editable() {
        return options() != null;
    }

    /**
     * Runs {@code work} on a backing engine freshly built from the realm's current state. A file-backed realm is
     * changed on a private draft of its file, which then replaces the file in one atomic rename: Karaf's engine
     * rewrites the file in place at every step (a user, then each role), and a reader in between — a login, or
     * Karaf's own watcher that encrypts plain passwords and saves what it read — would see a half-written file and
     * could write it back without the new roles. The work applies entirely or not at all. The users file is kept
     * readable by its owner only.
     */
    public synchronized <T> T withEngine(Function<BackingEngine, T> work) {
        BackingEngineFactoryAndOptions fo = options();
        if (fo == null) {
            throw new IllegalStateException("Der Realm 'karaf' hat keinen bearbeitbaren Benutzerspeicher.");
        }
        Optional<Path> file = usersFile();
        if (file.isEmpty() || !Files.exists(file.get())) {
            try {
                return work.apply(fo.factory().build(fo.options()));
            } finally {
                snapshot = null;
                file.ifPresent(JaasUsers::ownerOnly);
            }
        }
        Path target = file.get();
        Path draft = target.resolveSibling("." + target.getFileName() + ".draft");
        awaitEncrypted(target, fo.options());
        try {
            Files.copy(target, draft, StandardCopyOption.REPLACE_EXISTING);
            ownerOnly(draft);
            Map<String, Object> options = new HashMap<>(fo.options());
            options.put("users", draft.toString());
            T result = work.apply(fo.factory().build(options));
            Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Benutzerspeicher " + target + " nicht geschrieben", e);
        } finally {
            try {
                Files.deleteIfExists(draft);
            } catch (IOException e) {
                LOG.warn("Entwurf {} nicht gelöscht: {}", draft, e.toString());
            }
            snapshot = null;
            ownerOnly(target);
        }
    }

    /**
     * Orders the two writers of the users file: Karaf's auto-encryption rewrites the file in place whenever it finds a
     * password not yet hashed (written by hand), and would write back what it read over a change made in between. So
     * before Paktwerk changes the file it waits until no such password is left (at most 10 s; Paktwerk itself only
     * ever writes hashes, and replaces the file by a rename, which the auto-encryption does not watch).
     */
    static void awaitEncrypted(Path file, Map<String, ?> options) {
        if (!"true".equals(String.valueOf(options.get("encryption.enabled")))) {
            return;
        }
        String prefix = String.valueOf(options.get("encryption.prefix"));
        String suffix = String.valueOf(options.get("encryption.suffix"));
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (plainPasswords(file, prefix, suffix) > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many users of the file have a password that is not flagged as hashed. */
    static int plainPasswords(Path file, String prefix, String suffix) {
        java.util.Properties users = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            users.load(in);
        } catch (IOException e) {
            return 0;
        }
        int n = 0;
        for (String name : users.stringPropertyNames()) {
            String stored = users.getProperty(name).split(",", 2)[0].trim();
            if (!name.startsWith("_g_:") && !(stored.startsWith(prefix) && stored.endsWith(suffix) && stored.length() > prefix.length() + suffix.length())) {
                n++;
            }
        }
        return n;
    }

    private record BackingEngineFactoryAndOptions(BackingEngineFactory factory, Map<String, ?> options) {
    }

    private BackingEngineFactoryAndOptions options() {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                Map<String, ?> options = entry.getOptions();
                Object module = options.get("org.apache.karaf.jaas.module");
                String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
                for (BackingEngineFactory factory : factories) {
                    if (factory.getModuleClass().equals(moduleClass)) {
                        return new BackingEngineFactoryAndOptions(factory, options);
                    }
                }
            }
        }
        return null;
    }

    /** A read-only engine over the realm's file as it is now: rebuilt only when the file changed (modified time, size). */
    private record Snapshot(Object stamp, BackingEngine engine) {
    }

    private volatile Snapshot snapshot;

    private synchronized <T> T readEngine(Function<BackingEngine, T> work) {
        Object stamp = usersFile().map(JaasUsers::stamp).orElse(null);
        Snapshot s = snapshot;
        if (stamp == null || s == null || !stamp.equals(s.stamp())) {
            BackingEngineFactoryAndOptions fo = options();
            s = new Snapshot(stamp, fo.factory().build(fo.options()));
            snapshot = stamp == null ? null : s;
        }
        return work.apply(s.engine());
    }

    private static Object stamp(Path file) {
        try {
            return java.util.List.of(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** The file behind the realm, if it is the properties login module. */
    Optional<Path> usersFile() {
        BackingEngineFactoryAndOptions fo = options();
        Object users = fo == null ? null : fo.options().get("users");
        return users == null ? Optional.empty() : Optional.of(Path.of(users.toString()));
    }

    /** The roles of a user now, including those of its groups; empty if the user does not exist (any more). */
    @Override
    public Optional<Set<String>> roles(String user) {
        if (user == null || !editable()) {
            return Optional.empty();
        }
        return readEngine(engine -> {
            UserPrincipal principal = engine.lookupUser(user);
            if (principal == null) {
                return Optional.empty();
            }
            Set<String> roles = new TreeSet<>();
            engine.listRoles(principal).stream().map(Principal::getName).forEach(roles::add);
            return Optional.of(roles);
        });
    }

    /** The stored credentials of the users file as last read, by the file's modified time and size. */
    private record Credentials(Object stamp, java.util.Properties users) {
    }

    private volatile Credentials credentials;

    /**
     * The fingerprint of the account: a SHA-256 over its name and its stored password hash (bcrypt, salted), so a
     * password set anew — by {@code jaas:user-add}, {@code paktwerk:user-add --replace} or a new account of the same
     * name — is another identity. Only the hash of the hash leaves this class.
     */
    @Override
    public Optional<String> identity(String user) {
        if (user == null) {
            return Optional.empty();
        }
        Optional<Path> file = usersFile();
        if (file.isEmpty()) {
            return roles(user).map(r -> user);
        }
        Object stamp = stamp(file.get());
        Credentials c = credentials;
        if (c == null || stamp == null || !stamp.equals(c.stamp())) {
            java.util.Properties users = new java.util.Properties();
            try (java.io.Reader in = Files.newBufferedReader(file.get(), java.nio.charset.StandardCharsets.UTF_8)) {
                users.load(in);
            } catch (IOException e) {
                LOG.warn("Benutzerspeicher {} nicht lesbar: {}", file.get(), e.toString());
                return Optional.empty();
            }
            c = new Credentials(stamp, users);
            credentials = stamp == null ? null : c;
        }
        String entry = c.users().getProperty(user);
        if (entry == null || user.startsWith("_g_:")) {
            return Optional.empty();
        }
        String stored = entry.split(",", 2)[0].trim();
        return Optional.of(de.paktwerk.core.internal.json.Sha256.hex(user + "\u0000" + stored));
    }

    static void ownerOnly(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("Rechte von {} konnten nicht auf 0600 gesetzt werden: {}", file, e.toString());
        }
    }
}
