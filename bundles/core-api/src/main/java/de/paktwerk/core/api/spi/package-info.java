/**
 * The plug for funding-area modules (<i>Förderbereiche</i>). A module registers, each with the service property
 * {@code paktwerk.area.id}:
 * <ul>
 * <li>{@link de.paktwerk.core.api.spi.FundingArea} (required): descriptor and assessment of applications;</li>
 * <li>{@link de.paktwerk.core.api.spi.DistributionKey} (key-based areas): the key figures its shares follow;</li>
 * <li>{@link de.paktwerk.core.api.spi.Settlement} (areas that settle on actuals): the accepted amount at proof of
 * use;</li>
 * <li>{@link de.paktwerk.core.api.spi.ScopeType} (optional): scope roles the area owns, e.g. {@code position:<id>}.</li>
 * </ul>
 * Lifecycle events come through EventAdmin ({@link de.paktwerk.core.api.ApplicationEvents}). The types a module
 * implements carry no JDBC, JAX-RS or class loader; the core calls them outside any of its locks but may call them
 * inside a transaction, so they must not call back into core services that write. Version 2.0: the plug was
 * reshaped for every instrument (1.x priced with one method and shared by refugee counts only). Version 2.3: the
 * {@link de.paktwerk.core.api.spi.AssessmentContext} says the day of the assessment ({@code asOf}), against which an area
 * checks its deadlines instead of its own clock.
 */
@Export
@Version("2.3.0")
package de.paktwerk.core.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
