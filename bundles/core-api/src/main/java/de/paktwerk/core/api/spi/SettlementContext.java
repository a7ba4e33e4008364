package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.Money;

/**
 * What the core knows when an area settles a proof of use.
 *
 * @param application the application with its payload and assessment
 * @param approved the amount of the decision in force
 * @param paid what was drawn down so far
 * @param spent what the applicant reports as spent
 * @since 2.0
 */
public record SettlementContext(Application application, Money approved, Money paid, Money spent) {
}
