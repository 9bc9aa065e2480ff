package org.linkwork.referral.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The problems found in a FHIR resource, each at its FHIRPath, ready to answer as an OperationOutcome. */
final class FhirIssues {

    private final List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();

    void invalid(String expression, String message) {
        add(OperationOutcome.IssueType.INVALID, expression, message);
    }

    void required(String expression, String message) {
        add(OperationOutcome.IssueType.REQUIRED, expression, message);
    }

    void codeInvalid(String expression, String message) {
        add(OperationOutcome.IssueType.CODEINVALID, expression, message);
    }

    void add(OperationOutcome.IssueType type, String expression, String message) {
        var issue = new OperationOutcome.OperationOutcomeIssueComponent()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        issue.addExpression(expression);
        issues.add(issue);
    }

    boolean any() {
        return !issues.isEmpty();
    }

    OperationOutcome outcome() {
        OperationOutcome outcome = new OperationOutcome();
        issues.forEach(outcome::addIssue);
        return outcome;
    }

    static OperationOutcome single(OperationOutcome.IssueType type, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return outcome;
    }
}
