package org.linkwork.matching.proposal;

import java.util.List;
import java.util.Set;
import org.linkwork.events.Vocabulary;
import org.linkwork.matching.scoring.Person;
import org.linkwork.platform.problem.ProblemException;

/**
 * What a link worker changes to look again, with the person: each field left out keeps the
 * assessment's value.
 *
 * @param maxTravelKm   how far the person can travel (0–200 km)
 * @param days          days that suit ({@link Vocabulary#DAYS}); an empty list means any day
 * @param timesOfDay    parts of the day that suit ({@link Vocabulary#TIMES_OF_DAY}); empty means any
 * @param deliveryModes ways to take part ({@link Vocabulary#DELIVERY_MODES}); empty means any
 * @param save          make the result the referral's current proposal and publish it; by default it is only shown
 */
public record MatchFilters(Double maxTravelKm, List<String> days, List<String> timesOfDay, List<String> deliveryModes, Boolean save) {

    static final double MAX_RADIUS_KM = 200;

    void check() {
        if (maxTravelKm != null && !(maxTravelKm >= 0 && maxTravelKm <= MAX_RADIUS_KM)) {
            throw ProblemException.invalid("maxTravelKm", "must be a number of km from 0 to " + (int) MAX_RADIUS_KM);
        }
        within("days", days, Vocabulary.DAYS);
        within("timesOfDay", timesOfDay, Vocabulary.TIMES_OF_DAY);
        within("deliveryModes", deliveryModes, Vocabulary.DELIVERY_MODES);
    }

    Person applyTo(Person person) {
        Person adjusted = person;
        if (maxTravelKm != null) {
            adjusted = adjusted.withTravel(maxTravelKm);
        }
        if (days != null || timesOfDay != null) {
            adjusted = adjusted.withWhen(days == null ? adjusted.days() : days, timesOfDay == null ? adjusted.timesOfDay() : timesOfDay);
        }
        if (deliveryModes != null) {
            adjusted = adjusted.withDeliveryModes(Set.copyOf(deliveryModes));
        }
        return adjusted;
    }

    boolean saving() {
        return Boolean.TRUE.equals(save);
    }

    private static void within(String field, List<String> values, List<String> vocabulary) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !vocabulary.contains(values.get(i))) {
                throw ProblemException.invalid(field + "[" + i + "]", "must be one of " + String.join(", ", vocabulary));
            }
        }
    }
}
