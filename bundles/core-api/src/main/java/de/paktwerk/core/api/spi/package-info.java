/**
 * Service provider interface for funding-area modules (<i>Förderbereiche</i>). A module registers a
 * {@link de.paktwerk.core.api.spi.FundingArea} service; the core discovers it through the whiteboard.
 */
@Export
@Version("1.1.0")
package de.paktwerk.core.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
