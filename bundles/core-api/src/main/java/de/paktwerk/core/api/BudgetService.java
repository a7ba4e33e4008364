package de.paktwerk.core.api;

import java.util.List;

/** Funding periods with their envelopes, and the budgets of the funding areas in them. */
@org.osgi.annotation.versioning.ProviderType
public interface BudgetService {

    List<FundingPeriod> periods();

    FundingPeriod period(String periodId);

    /**
     * The funding period a term is budgeted in: the one in which it starts.
     *
     * @throws UnknownEntityException if no period contains the term's start
     * @since 2.0
     */
    FundingPeriod periodOf(Term term);

    List<Budget> budgets(String periodId);

    Budget budget(String periodId, String areaId);

    /**
     * Sets the budget of an area in a period. The budgets of a period never exceed its envelope, and a
     * budget is never set below what is already committed.
     */
    Budget setBudget(String periodId, String areaId, Money amount, String actor);

    /**
     * Sets a budget that is capped ({@code capped}, as {@link #setBudget(String, String, Money, String)}) or
     * demand-driven: a demand-driven budget is a planning figure that approvals may exceed (the committed amount
     * still counts them).
     *
     * @since 2.0
     */
    Budget setBudget(String periodId, String areaId, Money amount, boolean capped, String actor);
}
