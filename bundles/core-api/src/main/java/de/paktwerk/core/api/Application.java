package de.paktwerk.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An application (Antrag).
 *
 * @param id identifier
 * @param applicantKey official key of the applicant
 * @param areaId funding area
 * @param periodId funding period
 * @param requested amount asked for
 * @param priced amount the area's module computed as eligible
 * @param providerId third party, optional
 * @param payload area-specific content
 * @param state current state
 * @param createdAt creation time
 * @param createdBy who created it
 * @param updatedAt last change
 * @param assessment the lines the area computed {@code priced} from (since 2.0)
 * @param term the term the grant is for, or null (since 2.0)
 * @param applicantKind who applied: the body's kind, or PROVIDER for a provider in its own name (since 2.0)
 */
public record Application(long id, String applicantKey, String areaId, String periodId, Money requested,
                          Money priced, Long providerId,
                          @io.swagger.v3.oas.annotations.media.Schema(type = "object", description = "Angaben des Förderbereichs; ihr Schema steht im OpenAPI-Dokument des Bereichs (/api/{areaId}/openapi.json)") JsonNode payload,
                          ApplicationState state,
                          Instant createdAt, String createdBy, Instant updatedAt, java.util.List<LineItem> assessment, Term term,
                          ApplicantKind applicantKind) {
}
