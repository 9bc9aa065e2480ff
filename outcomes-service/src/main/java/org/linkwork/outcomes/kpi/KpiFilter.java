package org.linkwork.outcomes.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.linkwork.outcomes.lifecycle.ProgressProjection;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Which referrals the KPIs count: those of one practice, received between two days (both
 * included). Every part is optional.
 */
public record KpiFilter(String practice, LocalDate from, LocalDate to) {

    /** An ODS code: 3 to 10 letters or digits (a GP practice's is one letter and five digits). */
    private static final Pattern ODS_CODE = Pattern.compile("^[A-Za-z0-9]{3,10}$");

    /** Reads the query parameters; every bad one is named in one 400 problem. */
    public static KpiFilter parse(String practice, String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (practice != null && !ODS_CODE.matcher(practice).matches()) {
            errors.add(new Problem.FieldError("practice", "not an ODS code (3 to 10 letters or digits)"));
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add(new Problem.FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " query parameters are not valid";
            throw new ProblemException(Problem.of("validation-failed", "The request is not valid", 400, detail, errors));
        }
        return new KpiFilter(ProgressProjection.practiceCode(practice), fromDay, toDay);
    }

    private static LocalDate day(String value, String name, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }
}
