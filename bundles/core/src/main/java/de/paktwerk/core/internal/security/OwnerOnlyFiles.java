package de.paktwerk.core.internal.security;

import de.paktwerk.core.internal.db.CoreDatabase;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what holds personal data or secrets readable by the owner only, whatever the umask of whoever
 * started Karaf: the embedded H2 database (its folder 0700, its files 0600) and the generated admin password
 * file. {@code etc/users.properties} is kept so by {@link JaasUsers}; {@code bin/setenv} sets umask 077 for
 * everything Karaf creates.
 */
@Component(immediate = true, service = {OwnerOnlyFiles.class, org.osgi.service.cm.ConfigurationListener.class})
public class OwnerOnlyFiles implements org.osgi.service.cm.ConfigurationListener {

    /** Configurations whose files in etc/ hold a password: the keystore's, the database's. */
    static final java.util.function.Predicate<String> SECRET_PID = pid -> "org.ops4j.pax.web".equals(pid)
            || pid.startsWith("org.ops4j.datasource");

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    static final String H2_FILE = "jdbc:h2:file:";

    @Activate
    public OwnerOnlyFiles(@Reference CoreDatabase database) {
        String url = database.jdbc().tx(c -> c.getMetaData().getURL());
        h2Database(url).ifPresent(OwnerOnlyFiles::restrictDatabase);
        JaasUsers.ownerOnly(Path.of(System.getProperty("karaf.data", "data"), AdminBootstrap.PASSWORD_FILE));
        restrictSecrets(Path.of(System.getProperty("karaf.etc", "etc")));
    }

    /** The files in etc/ that hold passwords: owner only (bin/setenv does the same before each start). */
    static void restrictSecrets(Path etc) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, "{org.ops4j.pax.web.cfg,org.ops4j.datasource-*.cfg,paktwerk-tls.p12}")) {
            for (Path f : files) {
                JaasUsers.ownerOnly(f);
            }
        } catch (IOException e) {
            LOG.warn("Rechte der Dateien mit Passwörtern in {} konnten nicht eingeschränkt werden: {}", etc, e.toString());
        }
    }

    /** A configuration with a password changed (config:edit, the web console): its file may have been written anew. */
    @Override
    public void configurationEvent(org.osgi.service.cm.ConfigurationEvent event) {
        String pid = event.getFactoryPid() != null ? event.getFactoryPid() : event.getPid();
        if (pid != null && SECRET_PID.test(pid)) {
            restrictSecrets(Path.of(System.getProperty("karaf.etc", "etc")));
        }
    }

    /** The database path of an embedded H2 file URL ({@code jdbc:h2:file:/x/y;OPTS} → {@code /x/y}). */
    static java.util.Optional<Path> h2Database(String url) {
        if (url == null || !url.startsWith(H2_FILE)) {
            return java.util.Optional.empty();
        }
        String path = url.substring(H2_FILE.length());
        int semicolon = path.indexOf(';');
        return java.util.Optional.of(Path.of(semicolon >= 0 ? path.substring(0, semicolon) : path));
    }

    static void restrictDatabase(Path database) {
        Path dir = database.toAbsolutePath().getParent();
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, database.getFileName() + ".*")) {
                for (Path f : files) {
                    JaasUsers.ownerOnly(f);
                }
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("Rechte der Datenbankdateien in {} konnten nicht eingeschränkt werden: {}", dir, e.toString());
        }
    }
}
