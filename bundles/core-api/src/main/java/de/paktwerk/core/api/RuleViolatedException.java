package de.paktwerk.core.api;

/**
 * A well-formed request that a rule of the funding programme does not allow (more schools per position than the
 * programme permits, an application after its deadline …): HTTP 422 with {@link ProblemType#RULE_VIOLATED}. The
 * message is German and names the rule.
 *
 * @since 2.1
 */
public class RuleViolatedException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public RuleViolatedException(String germanMessage) {
        super(germanMessage, ProblemType.RULE_VIOLATED);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return ProblemType.RULE_VIOLATED.title();
    }
}
