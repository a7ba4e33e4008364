package de.paktwerk.core.api;

import java.util.List;

/** Funding periods with their envelopes, and the budgets of the funding areas in them. */
public interface BudgetService {

    List<FundingPeriod> periods();

    FundingPeriod period(String periodId);

    List<Budget> budgets(String periodId);

    Budget budget(String periodId, String areaId);

    /**
     * Sets the budget of an area in a period. The budgets of a period never exceed its envelope, and a
     * budget is never set below what is already committed.
     */
    Budget setBudget(String periodId, String areaId, Money amount, String actor);
}
