package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.SchemaMigrations;
import de.paktwerk.core.api.db.Transactions;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's tables: migrated when the component activates, then offered to the core's other
 * components as a {@link Jdbc} helper, and to modules as the {@link Transactions} service.
 */
@Component(service = {CoreDatabase.class, Transactions.class})
public class CoreDatabase implements Transactions {

    /** The pax-jdbc data source Paktwerk uses ({@code etc/org.ops4j.datasource-paktwerk.cfg}). */
    public static final String DATASOURCE_TARGET = "(dataSourceName=paktwerk)";
    static final String CHANGELOG = "db/core/changelog.sql";

    private final Jdbc jdbc;

    @Activate
    public CoreDatabase(@Reference(target = DATASOURCE_TARGET) DataSource dataSource,
                        @Reference SchemaMigrations migrations) {
        migrations.migrate(CHANGELOG, CoreDatabase.class.getClassLoader());
        this.jdbc = new Jdbc(dataSource);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return jdbc.tx(work);
    }
}
