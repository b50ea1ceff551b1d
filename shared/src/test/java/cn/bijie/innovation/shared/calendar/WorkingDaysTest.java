package cn.bijie.innovation.shared.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic over 春节 and 国庆 with their 调休 make-up days, and across year ends. */
class WorkingDaysTest {
    private final WorkingDays days = WorkingDays.china();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void guoqing2025MakeUpSundayBeforeAndSaturdayAfter() {
        assertEquals(d("2025-09-28"), days.plusWorkingDays(d("2025-09-26"), 1), "Sunday 28 September is worked");
        assertEquals(d("2025-10-09"), days.plusWorkingDays(d("2025-09-30"), 1), "1–8 October rest");
        assertEquals(d("2025-10-11"), days.plusWorkingDays(d("2025-09-30"), 3), "Saturday 11 October is worked");
        assertEquals(d("2025-10-13"), days.plusWorkingDays(d("2025-09-30"), 4));
    }

    @Test
    void chunjie2026NineDaysWithTwoMakeUpSaturdays() {
        assertEquals(d("2026-02-14"), days.plusWorkingDays(d("2026-02-13"), 1), "Saturday 14 February is worked");
        assertEquals(d("2026-02-24"), days.plusWorkingDays(d("2026-02-13"), 2), "15–23 February rest");
        assertEquals(d("2026-02-28"), days.plusWorkingDays(d("2026-02-27"), 1), "Saturday 28 February is worked");
        assertFalse(days.isWorkingDay(d("2026-02-23")), "Monday 23 February is a holiday");
    }

    @Test
    void chunjie2025() {
        assertEquals(d("2025-01-26"), days.plusWorkingDays(d("2025-01-24"), 1), "Sunday 26 January is worked");
        assertEquals(d("2025-02-05"), days.plusWorkingDays(d("2025-01-24"), 3), "28 January – 4 February rest");
    }

    @Test
    void acrossTheYearEndIntoYuandanAndItsMakeUpSunday() {
        // 31 Dec (1), 1–3 Jan rest, Sunday 4 Jan worked (2), 5 (3), 6 (4), 7 (5)
        assertEquals(d("2026-01-07"), days.plusWorkingDays(d("2025-12-30"), 5));
        assertEquals(d("2025-01-06"), days.plusWorkingDays(d("2024-12-31"), 3));
        assertEquals(d("2023-01-03"), days.plusWorkingDays(d("2022-12-30"), 1));
        assertEquals(5, days.workingDaysBetween(d("2025-12-30"), d("2026-01-07")));
    }

    @Test
    void countsBetween() {
        assertEquals(3, days.workingDaysBetween(d("2026-09-30"), d("2026-10-10")), "8, 9 and Saturday 10 October");
        assertEquals(0, days.workingDaysBetween(d("2026-10-10"), d("2026-10-10")));
    }

    @Test
    void covid2020ExtensionRestsTheSaturdayOnceToBeWorked() {
        assertFalse(days.isWorkingDay(d("2020-02-01")));
        assertFalse(days.isWorkingDay(d("2020-02-02")));
        assertTrue(days.isWorkingDay(d("2020-02-03")));
        assertTrue(days.isWorkingDay(d("2020-01-19")), "Sunday 19 January 2020 was worked");
    }

    @Test
    void aMissingYearIsRefusedNamingIt() {
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> days.plusWorkingDays(d("2026-12-24"), 10));
        assertTrue(e.details().get(0).problem().contains("2027"), e.details().toString());
        ValidationFailed before = assertThrows(ValidationFailed.class, () -> days.isWorkingDay(d("2018-12-29")));
        assertTrue(before.details().get(0).problem().contains("2018"));
        assertEquals(d("2026-12-31"), days.plusWorkingDays(d("2026-12-24"), 5), "within 2026 it still answers");
    }
}
