package de.paktwerk.core.internal.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.internal.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.Test;

/** Two nodes migrating one empty database at the same moment (the two-node start of .ci/run lost a node to it). */
public class ConcurrentMigrationTest {

    @Test
    public void theLoserOfTheRaceForLiquibasesTablesIsRecognised() {
        assertTrue(LiquibaseMigrations.createdConcurrently(new IllegalStateException("Migration db/core/changelog.sql fehlgeschlagen",
                new RuntimeException("ERROR: relation \"databasechangelog\" already exists [Failed SQL: (0) CREATE TABLE public.databasechangelog"))));
        assertTrue(LiquibaseMigrations.createdConcurrently(new IllegalStateException("x",
                new RuntimeException("Tabelle \"DATABASECHANGELOGLOCK\" bereits vorhanden"))));
        assertFalse(LiquibaseMigrations.createdConcurrently(new IllegalStateException("x",
                new RuntimeException("ERROR: relation \"budget\" already exists"))));
        assertFalse(LiquibaseMigrations.createdConcurrently(new IllegalStateException("x", new RuntimeException("syntax error at DATABASECHANGELOG"))));
    }

    @Test
    public void twoNodesMigrateOneEmptyDatabaseAtOnce() throws Exception {
        DataSource db = TestDatabase.create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LiquibaseMigrations node = new LiquibaseMigrations(db); // one per node: no shared monitor
            nodes.add(pool.submit(() -> {
                go.await();
                node.migrate(CoreDatabase.CHANGELOG, CoreDatabase.class.getClassLoader());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> n : nodes) {
            n.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM databasechangelog WHERE filename = 'db/core/changelog.sql'")) {
            rs.next();
            assertEquals(18, rs.getInt(1));
        }
    }
}
