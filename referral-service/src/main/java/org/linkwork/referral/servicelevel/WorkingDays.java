package org.linkwork.referral.servicelevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.linkwork.referral.ReferralSettings;

/** The first-contact service level: due by the end of the Nth working day after the day of arrival. */
@ApplicationScoped
public class WorkingDays {

    private final int days;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    @Inject
    WorkingDays(ReferralSettings settings) {
        this(settings.firstContact().workingDays(), settings.firstContact().zone(), Set.copyOf(settings.firstContact().bankHolidays()));
    }

    public WorkingDays(int days, ZoneId zone, Set<LocalDate> holidays) {
        this.days = days;
        this.zone = zone;
        this.holidays = holidays;
    }

    public Instant firstContactDue(Instant receivedAt) {
        LocalDate day = receivedAt.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        // the end of that working day is the start of the next calendar day
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
