package de.paktwerk.core.api.spi;

import de.paktwerk.core.api.Budget;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.Provider;

/**
 * What the core knows when an area assesses an application, so the area never has to ask core services for it.
 *
 * @param applicant the applying body
 * @param provider the third party carrying out the work, or null
 * @param period the funding period the money is budgeted in
 * @param requested the amount asked for
 * @param budget the area's budget in the period, or null if none is set yet
 * @param allocated the applicant's share in the area's current distribution, or null if there is none
 * @param allocationCommitted what is already approved against that share (zero without one)
 * @param delegatingMunicipalities number of municipalities that delegated the area to the applicant
 * @param term the school year, course period … the application is for, or null
 * @param applicantKind who applies: the body's kind, or {@code PROVIDER} when the provider applies in its own name
 *        (its applicant is then the provider's responsible body) (since 2.1)
 * @param asOf the day the application is assessed on, in Berlin: today when it is filed, the day a price is asked for
 *        ({@code asOf} of the pricing door) otherwise; an area checks its deadlines against it, never against its own
 *        clock, so that a past school year is priced as it was then; null only from a core before 2.3 (since 2.3)
 * @param requested the amount asked for; null when only a price is asked for
 * @since 2.0
 */
public record AssessmentContext(Municipality applicant, Provider provider, FundingPeriod period, Money requested,
                                Budget budget, Money allocated, Money allocationCommitted, int delegatingMunicipalities,
                                de.paktwerk.core.api.Term term, de.paktwerk.core.api.ApplicantKind applicantKind,
                                java.time.LocalDate asOf) {

    /** The context of version 2.1, without the day of the assessment. */
    public AssessmentContext(Municipality applicant, Provider provider, FundingPeriod period, Money requested, Budget budget,
                             Money allocated, Money allocationCommitted, int delegatingMunicipalities, de.paktwerk.core.api.Term term,
                             de.paktwerk.core.api.ApplicantKind applicantKind) {
        this(applicant, provider, period, requested, budget, allocated, allocationCommitted, delegatingMunicipalities, term, applicantKind, null);
    }

    /**
     * The day of the assessment, or {@code fallback} (the area's own today) when a core before 2.3 did not say it.
     *
     * @param fallback the area's today
     * @return the day deadlines are checked against
     * @since 2.3
     */
    public java.time.LocalDate asOfOr(java.time.LocalDate fallback) {
        return asOf != null ? asOf : fallback;
    }

    /** The context of version 2.0: the applicant is the body (or, with a provider named, read as the body's). */
    public AssessmentContext(Municipality applicant, Provider provider, FundingPeriod period, Money requested, Budget budget,
                             Money allocated, Money allocationCommitted, int delegatingMunicipalities, de.paktwerk.core.api.Term term) {
        this(applicant, provider, period, requested, budget, allocated, allocationCommitted, delegatingMunicipalities, term,
                applicant == null ? null : de.paktwerk.core.api.ApplicantKind.of(applicant.kind()), null);
    }
}
