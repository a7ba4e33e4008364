/**
 * Constants shared by every Paktwerk JAX-RS application, so that a module's application receives the
 * core's shared extensions (JSON, problem+json, idempotency) by filter.
 */
@Export
@Version("1.2.0")
package de.paktwerk.core.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
