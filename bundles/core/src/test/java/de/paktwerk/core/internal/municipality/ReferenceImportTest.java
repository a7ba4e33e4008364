package de.paktwerk.core.internal.municipality;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;

import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.audit.AuditLogImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.LiquibaseMigrations;
import de.paktwerk.core.internal.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.Test;

/** Nodes starting at once on an empty database import the reference list once; none fails its activation. */
public class ReferenceImportTest {

    @Test
    public void registriesActivatingAtOnceOnAnEmptyDatabaseImportTheMunicipalitiesOnce() throws Exception {
        DataSource ds = TestDatabase.create();
        CoreDatabase database = new CoreDatabase(ds, new LiquibaseMigrations(ds));
        AuditLogImpl audit = new AuditLogImpl(database);
        int nodes = 3;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Future<MunicipalityRegistryImpl>> registries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            registries.add(pool.submit(() -> {
                start.await();
                return new MunicipalityRegistryImpl(database, audit, mock(FundingAreas.class));
            }));
        }
        for (Future<MunicipalityRegistryImpl> r : registries) {
            // 1,101 municipalities and Stadtkreise and 35 Landkreise, seen by every node
            assertEquals(1136, r.get(120, TimeUnit.SECONDS).list(de.paktwerk.core.api.MunicipalityQuery.ALL, 0, 2000).total());
        }
        pool.shutdown();
        assertEquals(1136L, (long) database.jdbc().tx(c -> Sql.count(c, "SELECT COUNT(*) FROM municipality")));
        assertEquals(1L, audit.entries("municipality", "*").stream().filter(e -> e.action().equals("import")).count());
    }
}
