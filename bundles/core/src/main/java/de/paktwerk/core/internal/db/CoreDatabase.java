package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.SchemaMigrations;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's tables: migrated when the component activates, then offered to the core's other
 * components as a {@link Jdbc} helper. Nothing outside the core bundle sees this service type.
 */
@Component(service = CoreDatabase.class)
public class CoreDatabase {

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
}
