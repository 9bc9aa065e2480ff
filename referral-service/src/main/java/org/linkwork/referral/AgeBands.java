package org.linkwork.referral;

import java.time.LocalDate;
import java.time.Period;

/** A person's age as the coarse band analytics-safe events carry, never the date of birth. */
public final class AgeBands {

    private AgeBands() {
    }

    public static String of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            return null;
        }
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 18) {
            return "0-17";
        } else if (age < 25) {
            return "18-24";
        } else if (age < 35) {
            return "25-34";
        } else if (age < 50) {
            return "35-49";
        } else if (age < 65) {
            return "50-64";
        } else if (age < 75) {
            return "65-74";
        }
        return "75+";
    }
}
