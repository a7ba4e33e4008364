package de.paktwerk.core.internal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: when the Karaf realm has no user with the role {@code admin}, creates user {@code admin}
 * with the password from the environment variable {@code PAKTWERK_ADMIN_PASSWORD}, or else a generated
 * one that is written once to {@code data/paktwerk-admin-password.txt}, readable only by its owner. The
 * distribution ships without any user, so there is no default password.
 */
@Component(immediate = true, service = AdminBootstrap.class)
public class AdminBootstrap {

    static final String ENV = "PAKTWERK_ADMIN_PASSWORD";
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "paktwerk-admin-password.txt";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    @Activate
    public AdminBootstrap(@Reference JaasUsers users) {
        if (!users.editable()) {
            LOG.warn("Kein bearbeitbarer Karaf-Realm 'karaf' gefunden; es wird kein Administrator angelegt.");
            return;
        }
        users.withEngine(engine -> {
            for (UserPrincipal user : engine.listUsers()) {
                for (RolePrincipal role : engine.listRoles(user)) {
                    if (ADMIN.equals(role.getName())) {
                        return null;
                    }
                }
            }
            String fromEnv = System.getenv(ENV);
            boolean generated = fromEnv == null || fromEnv.isBlank();
            if (!generated && fromEnv.length() < Accounts.MIN_PASSWORD) {
                LOG.error("{} ist kürzer als {} Zeichen und wird nicht verwendet; das Passwort wird erzeugt.", ENV, Accounts.MIN_PASSWORD);
                generated = true;
            }
            String password = generated ? generate() : fromEnv;
            engine.addUser(ADMIN, password);
            engine.addGroup(ADMIN, "admingroup");
            engine.addRole(ADMIN, ADMIN);
            if (generated) {
                Path file = Path.of(System.getProperty("karaf.data", "data"), PASSWORD_FILE);
                write(file, password);
                LOG.warn("Administrator 'admin' angelegt; das erzeugte Passwort steht einmalig in {} (nur für den Eigentümer lesbar).", file);
            } else {
                LOG.info("Administrator 'admin' mit dem Passwort aus {} angelegt.", ENV);
            }
            return null;
        });
    }

    static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
