package de.paktwerk.core.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an applicant submits to create an application.
 *
 * @param applicantKey official key of the applying body
 * @param areaId funding area
 * @param periodId funding period
 * @param requested amount asked for
 * @param providerId third party carrying out the work, optional
 * @param payload area-specific content, validated and priced by the area's module
 * @param applicantKind {@code PROVIDER} when the provider {@code providerId} applies in its own name (the applicant key
 *        is then its responsible body); null: the body applies (since 2.0)
 * @param term the school year, course period, calendar year or project duration the grant is for; it must start in
 *        the funding period (null: the period itself) — since 2.0
 */
public record NewApplication(String applicantKey, String areaId, String periodId, Money requested,
                             Long providerId,
                             @io.swagger.v3.oas.annotations.media.Schema(type = "object", description = "Angaben des Förderbereichs; ihr Schema steht im OpenAPI-Dokument des Bereichs (/api/{areaId}/openapi.json)") JsonNode payload,
                             ApplicantKind applicantKind, Term term) {
}
