/**
 * Constants shared by every Paktwerk JAX-RS application, so that a module's application receives the
 * core's shared extensions (JSON, problem+json, idempotency) by filter. Version 1.3: {@link
 * de.paktwerk.core.api.rest.Caller#requireMayApply} and {@link de.paktwerk.core.api.rest.DraftPricing}, through which a
 * module's own pricing endpoint asks the core's one door for the price. Version 1.4: the role of the statistics office
 * ({@link de.paktwerk.core.api.rest.Caller#STATISTICS}).
 */
@Export
@Version("1.4.0")
package de.paktwerk.core.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
