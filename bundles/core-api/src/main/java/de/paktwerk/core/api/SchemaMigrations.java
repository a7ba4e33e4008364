package de.paktwerk.core.api;

/**
 * Migrates a bundle's own tables with the migration tool of the platform (Liquibase). A module calls it
 * when it starts, with a changelog inside its bundle; the core owns its own changelog the same way.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SchemaMigrations {

    /**
     * Applies every pending change set of the changelog.
     *
     * @param changelogPath resource path of the changelog, e.g. {@code db/integration-management/changelog.sql}
     * @param classLoader class loader of the bundle that owns the changelog
     */
    void migrate(String changelogPath, ClassLoader classLoader);
}
