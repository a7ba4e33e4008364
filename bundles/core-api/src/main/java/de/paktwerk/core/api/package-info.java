/**
 * Paktwerk core API: the model of the <i>Pakt für Integration</i> as records and the services
 * the core offers to the funding-area modules.
 *
 * <p>Glossary (German terms used in the user interface):
 * Anschlussunterbringung — follow-up accommodation · Antrag — application ·
 * Bewilligungsstelle — approval office · Bewilligungsbescheid — funding decision ·
 * Mittelabruf — drawdown · Verwendungsnachweis — proof of use · Rückforderung — reclaim ·
 * Landkreis — district · Stadtkreis — district-free city · Gemeinde — municipality ·
 * Träger — (welfare) provider · Verteilung — distribution · Aufgabenübertragung — delegation.
 */
@Export
@Version("1.1.0")
package de.paktwerk.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
