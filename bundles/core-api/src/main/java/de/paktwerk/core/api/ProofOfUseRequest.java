package de.paktwerk.core.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A proof of use (Verwendungsnachweis) as submitted.
 *
 * @param spent the amount actually spent
 * @param onBehalfReason why the approval office records it for the applicant; null when the applicant does
 * @param actuals what the area settles on (e.g. teaching units delivered and attendance), for areas that settle on
 *        actuals; their schema is in the area's OpenAPI document
 * @since 2.0
 */
public record ProofOfUseRequest(Money spent, String onBehalfReason,
                                @io.swagger.v3.oas.annotations.media.Schema(type = "object", description = "Ist-Angaben für Förderbereiche, die nach tatsächlicher Leistung abrechnen; Schema im OpenAPI-Dokument des Bereichs") JsonNode actuals) {
}
