package cn.bijie.innovation.shared.calendar;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * China's working-day calendar as data ({@code calendar/CN.json}): per year the State Council's holidays and its 调休
 * make-up working days. Saturdays and Sundays rest unless made up; a year the file does not hold is refused with a
 * 400 naming it, never guessed.
 */
public final class WorkingDays {
    private static final WorkingDays CN = load("/calendar/CN.json");

    /** Per year: the rest days that are not weekends, and the weekend days that are worked. */
    private final Map<Integer, Year> years;

    private record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {}

    WorkingDays(Map<Integer, Year> years) {
        this.years = Map.copyOf(years);
    }

    public static WorkingDays china() {
        return CN;
    }

    static WorkingDays load(String resource) {
        try (InputStream in = WorkingDays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no calendar " + resource);
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<Integer, Year> years = new HashMap<>();
            root.path("years").fields().forEachRemaining(entry -> {
                int year = Integer.parseInt(entry.getKey());
                Set<LocalDate> holidays = new HashSet<>();
                for (JsonNode range : entry.getValue().path("holidays")) {
                    LocalDate from = LocalDate.parse(range.get(0).asText());
                    LocalDate to = LocalDate.parse(range.get(1).asText());
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        holidays.add(d);
                    }
                }
                Set<LocalDate> workdays = new HashSet<>();
                entry.getValue().path("workdays").forEach(d -> workdays.add(LocalDate.parse(d.asText())));
                years.put(year, new Year(holidays, workdays));
            });
            return new WorkingDays(years);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether offices work on {@code date}; a year missing from the calendar is a 400 that names it. */
    public boolean isWorkingDay(LocalDate date) {
        Year year = years.get(date.getYear());
        if (year == null) {
            throw missing(date.getYear());
        }
        if (year.holidays().contains(date)) {
            return false;
        }
        if (year.workdays().contains(date)) {
            return true;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code start} (start itself never counts); n ≥ 1. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days in {@code (from, to]}: 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static ValidationFailed missing(int year) {
        return ValidationFailed.field("calendar", "工作日历缺少 " + year + " 年的节假日安排，请先录入国务院办公厅公布的安排 "
                + "(the working-day calendar has no data for " + year + ")");
    }
}
