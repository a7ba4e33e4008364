/**
 * Paktwerk core API: the model of the <i>Pakt für Integration</i> as records and the services
 * the core offers to the funding-area modules.
 *
 * <p>Glossary (German terms used in the user interface):
 * Anschlussunterbringung — follow-up accommodation · Antrag — application ·
 * Bewilligungsstelle — approval office · Bewilligungsbescheid — funding decision ·
 * Mittelabruf — drawdown · Verwendungsnachweis — proof of use · Rückforderung — reclaim ·
 * Landkreis — district · Stadtkreis — district-free city · Gemeinde — municipality ·
 * Träger — (welfare) provider · Verteilung — distribution · Aufgabenübertragung — delegation ·
 * Kennzahl — key figure · Festbetrag — fixed rate · Aufruf — call.
 *
 * <p>Services are {@code @ProviderType} (only the core implements them; methods may be added in minor versions).
 * {@link de.paktwerk.core.api.SchemaMigrations} takes the module's class loader because Liquibase reads the
 * changelog from the module's bundle; it is called by modules, never implemented by them. Version 2.0: refugee
 * counts became generic key figures ({@link de.paktwerk.core.api.KeyFigures}), areas are described by
 * {@link de.paktwerk.core.api.AreaDescriptor}, budgets may be demand-driven, periods have dates. Version 2.1: the problem type
 * {@link de.paktwerk.core.api.ProblemType#RULE_VIOLATED} for a programme rule that is not met. Version 2.2: an
 * {@link de.paktwerk.core.api.InvalidInputException} may name the field it concerns (problem member {@code field}); a decision in force can be changed
 * ({@link de.paktwerk.core.api.ApplicationService#amendDecision}, {@link de.paktwerk.core.api.ApplicationEvents#AMENDED}). Version 2.3: a draft is priced as of a day
 * ({@link de.paktwerk.core.api.ApplicationService#price(NewApplication, java.time.LocalDate)}); an area names the kind of
 * term its applications are for ({@link de.paktwerk.core.api.AreaDescriptor#termKind()}). Version 2.4: the count survey
 * ({@link de.paktwerk.core.api.SurveyService}) from which the key figures of a final run come.
 */
@Export
@Version("2.4.0")
package de.paktwerk.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
