package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.SchemaMigrations;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Liquibase changelogs against the Paktwerk data source. One lock table serialises concurrent
 * migrations of core and modules.
 */
@Component(service = SchemaMigrations.class)
public class LiquibaseMigrations implements SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrations.class);

    private final DataSource dataSource;

    @Activate
    public LiquibaseMigrations(@Reference(target = CoreDatabase.DATASOURCE_TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Two nodes starting at once on an empty database both create Liquibase's history table (it is made before the
     * lock is taken); the one that loses sees "already exists". Trying again finds the table and waits for the lock.
     */
    private static final int ATTEMPTS = 3;

    @Override
    public synchronized void migrate(String changelogPath, ClassLoader classLoader) {
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(changelogPath, classLoader);
                return;
            } catch (IllegalStateException e) {
                if (attempt >= ATTEMPTS || !createdConcurrently(e)) {
                    throw e;
                }
                LOG.warn("Schema {}: another node created Liquibase's tables at the same moment; trying again ({} of {})", changelogPath,
                        attempt + 1, ATTEMPTS);
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** True if the failure is a Liquibase table that another node created meanwhile. */
    static boolean createdConcurrently(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("databasechangelog") && (m.contains("already exists") || m.contains("bereits vorhanden"))) {
                return true;
            }
        }
        return false;
    }

    private void migrateOnce(String changelogPath, ClassLoader classLoader) {
        long start = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection c = dataSource.getConnection()) {
            // Liquibase's console output goes to the log, not to stdout
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                try (Liquibase liquibase = new Liquibase(changelogPath, new ClassLoaderResourceAccessor(classLoader), database)) {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Migration " + changelogPath + " fehlgeschlagen: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("Schema {} migrated in {} ms", changelogPath, (System.nanoTime() - start) / 1_000_000);
    }
}
