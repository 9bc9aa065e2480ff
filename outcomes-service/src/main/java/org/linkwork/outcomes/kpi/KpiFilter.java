package org.linkwork.outcomes.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.linkwork.events.Postcodes;
import org.linkwork.events.Vocabulary;
import org.linkwork.outcomes.journey.JourneyFold;
import org.linkwork.outcomes.team.TeamMemberships;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Which referrals the KPIs count. Every part is optional; days are days of receipt, both ends
 * included. {@code provider} and {@code activityType} keep the referrals with an activity referral
 * of that provider or type, and narrow the activity figures to those activity referrals. {@code team}
 * keeps the referrals with that team now; {@code teams} is not a parameter but a link worker's scope
 * (the teams they are an active member of), null for everyone else.
 */
public record KpiFilter(String practice, String team, String provider, String activityType, String area, LocalDate from, LocalDate to,
        String ageBand, String sex, String ethnicityGroup, Integer deprivationDecile, List<String> teams) {

    public static final KpiFilter NONE = new KpiFilter(null, null, null, null, null, null, null, null, null, null, null, null);

    /** An ODS code: 3 to 10 letters or digits (a GP practice's is one letter and five digits). */
    private static final Pattern ODS_CODE = Pattern.compile("^[A-Za-z0-9]{3,10}$");
    private static final Pattern PROVIDER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,49}$");
    private static final Pattern AGE_BAND = Pattern.compile("^[0-9]{1,3}(-[0-9]{1,3}|\\+)$");

    /** Reads the query parameters; every bad one is named in one 400 problem. */
    public static KpiFilter parse(KpiQuery q) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String practice = blankToNull(q.practice);
        if (practice != null && !ODS_CODE.matcher(practice).matches()) {
            errors.add(new Problem.FieldError("practice", "not an ODS code (3 to 10 letters or digits)"));
        }
        String team = blankToNull(q.team);
        if (team != null) {
            team = team.toLowerCase(Locale.ROOT);
            if (!TeamMemberships.TEAM_ID.matcher(team).matches()) {
                errors.add(new Problem.FieldError("team", "not a team id (lower-case letters, digits and '-', at most 50)"));
            }
        }
        String provider = blankToNull(q.provider);
        if (provider != null && !PROVIDER.matcher(provider).matches()) {
            errors.add(new Problem.FieldError("provider", "not an organisation id (letters, digits, '.', '_' or '-', at most 64)"));
        }
        String activityType = blankToNull(q.activityType);
        if (activityType != null && !CODE.matcher(activityType).matches()) {
            errors.add(new Problem.FieldError("activityType", "not a taxonomy code (lower-case letters, digits and '-')"));
        }
        String area = null;
        if (blankToNull(q.area) != null) {
            area = Postcodes.normaliseDistrict(q.area).orElse(null);
            if (area == null) {
                errors.add(new Problem.FieldError("area", "not a postcode district (e.g. LS6)"));
            }
        }
        LocalDate fromDay = day(blankToNull(q.from), "from", errors);
        LocalDate toDay = day(blankToNull(q.to), "to", errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add(new Problem.FieldError("from", "must not be after to"));
        }
        String ageBand = blankToNull(q.ageBand);
        if (ageBand != null && !AGE_BAND.matcher(ageBand).matches()) {
            errors.add(new Problem.FieldError("ageBand", "not an age band (e.g. 65-74 or 75+)"));
        }
        String sex = oneOf(blankToNull(q.sex), "sex", Vocabulary.SEXES, errors);
        String ethnicity = oneOf(blankToNull(q.ethnicityGroup), "ethnicityGroup", Vocabulary.ETHNICITY_GROUPS, errors);
        Integer decile = null;
        if (blankToNull(q.deprivationDecile) != null) {
            try {
                decile = Integer.valueOf(q.deprivationDecile.strip());
            } catch (NumberFormatException e) {
                decile = -1;
            }
            if (decile < 1 || decile > 10) {
                errors.add(new Problem.FieldError("deprivationDecile", "must be a whole number from 1 to 10"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " query parameters are not valid";
            throw new ProblemException(Problem.of("validation-failed", "The request is not valid", 400, detail, errors));
        }
        return new KpiFilter(JourneyFold.practiceCode(practice), team, provider, activityType, area, fromDay, toDay, ageBand, sex,
                ethnicity, decile, null);
    }

    public KpiFilter withPractice(String value) {
        return new KpiFilter(value, team, provider, activityType, area, from, to, ageBand, sex, ethnicityGroup, deprivationDecile, teams);
    }

    public KpiFilter withProvider(String value) {
        return new KpiFilter(practice, team, value, activityType, area, from, to, ageBand, sex, ethnicityGroup, deprivationDecile, teams);
    }

    /** Only the referrals with one of these teams now (none at all when empty). */
    public KpiFilter withinTeams(Collection<String> value) {
        return new KpiFilter(practice, team, provider, activityType, area, from, to, ageBand, sex, ethnicityGroup, deprivationDecile,
                List.copyOf(new TreeSet<>(value)));
    }

    private static String oneOf(String value, String name, List<String> allowed, List<Problem.FieldError> errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new Problem.FieldError(name, "must be one of " + String.join(", ", allowed)));
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
