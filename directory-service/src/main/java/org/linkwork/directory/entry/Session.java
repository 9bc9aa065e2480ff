package org.linkwork.directory.entry;

import java.time.LocalDate;
import java.time.LocalTime;

/** One weekday on which a schedule runs, with its hours (null when not stated). */
public record Session(String day, LocalTime opens, LocalTime closes, LocalDate validFrom, LocalDate validTo) {
}
