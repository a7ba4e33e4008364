/**
 * Persistence for modules: the platform's transactions over its data source and small statement helpers,
 * so that a module's tables live in the same database and a change and its audit entry commit together.
 */
@Export
@Version("1.0.0")
package de.paktwerk.core.api.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
