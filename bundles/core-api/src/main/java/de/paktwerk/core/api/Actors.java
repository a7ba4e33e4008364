package de.paktwerk.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who acts on the current thread, for the audit log of code that is not a REST request: a Karaf console
 * command runs with the JAAS subject of the logged-in console user. Modules use it instead of reading
 * Karaf's principals themselves.
 *
 * @since 1.1
 */
@ProviderType
public interface Actors {

    /** The name of the console user on whose behalf the current thread runs, or {@link #SYSTEM} if there is none. */
    String consoleUser();

    /** The actor of work that no person started (scheduled jobs, first start). */
    String SYSTEM = "system";
}
