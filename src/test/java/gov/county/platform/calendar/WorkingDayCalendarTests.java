package gov.county.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(
			new CalendarProperties(SHANGHAI, new CalendarProperties.Calendar(null)));

	@ParameterizedTest(name = "{0} + {1} working day(s) = {2}")
	@CsvSource({
			"2026-02-13, 1, 2026-02-14", // a Saturday make-up day before the Spring Festival
			"2026-02-14, 1, 2026-02-24", // across the Spring Festival holiday
			"2026-09-30, 1, 2026-10-08", // across the National Day holiday
			"2026-10-09, 1, 2026-10-10", // a Saturday make-up day after National Day
			"2026-04-03, 1, 2026-04-07", // across Qingming
			"2026-11-20, 1, 2026-11-23", // an ordinary weekend
			"2026-11-23, 5, 2026-11-30", // a plain working week
			"2025-12-31, 1, 2026-01-04", // across New Year, into the year's schedule: a Sunday make-up day
	})
	void countsOfficialWorkingDays(LocalDate start, int days, LocalDate expected) {
		assertThat(this.calendar.plusWorkingDays(start, days)).isEqualTo(expected);
	}

	@Test
	void knowsHolidaysWeekendsAndMakeUpDays() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("make-up Saturday").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).as("ordinary Saturday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).as("ordinary Monday").isTrue();
	}

	@Test
	void countsBackwardsForWarnings() {
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 10, 8), -1)).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 2, 24), -1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 2, 24), 0)).isEqualTo(LocalDate.of(2026, 2, 24));
	}

	@Test
	void deadlineFallsAtTheEndOfTheNthWorkingDayInCountyTime() {
		// 2026-09-30 20:00 UTC is already 1 October 04:00 in Shanghai: the clock starts on a holiday
		ZonedDateTime due = this.calendar.deadline(Instant.parse("2026-09-30T20:00:00Z"), 1);
		assertThat(due).isEqualTo(ZonedDateTime.of(2026, 10, 8, 23, 59, 59, 0, SHANGHAI));

		ZonedDateTime fiveDays = this.calendar.deadline(Instant.parse("2026-11-23T02:00:00Z"), 5);
		assertThat(fiveDays.toInstant()).isEqualTo(Instant.parse("2026-11-30T15:59:59Z"));
	}

	@Test
	void refusesATimeLimitBelowOneDay() {
		assertThatThrownBy(() -> this.calendar.deadline(Instant.now(), 0)).hasMessageContaining("at least 1");
	}

	@Test
	void yearWithoutDataFallsBackToWeekends() {
		// 2030 has no official schedule: 1 October 2030 (a Tuesday) counts as a working day
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isTrue();
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2030, 10, 4), 1)).isEqualTo(LocalDate.of(2030, 10, 7));
	}

	@Test
	void overrideFolderAddsAYearWithoutRebuild(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("2027.json"), """
				{"year": 2027, "days": [
				  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
				  {"name": "春节", "date": "2027-02-06", "isOffDay": false}
				]}""", StandardCharsets.UTF_8);
		WorkingDayCalendar withOverride = new WorkingDayCalendar(
				new CalendarProperties(SHANGHAI, new CalendarProperties.Calendar(dir)));

		assertThat(withOverride.isWorkingDay(LocalDate.of(2027, 1, 1))).as("New Year 2027").isFalse();
		assertThat(withOverride.isWorkingDay(LocalDate.of(2027, 2, 6))).as("make-up Saturday 2027").isTrue();
		assertThat(withOverride.isWorkingDay(LocalDate.of(2026, 10, 1))).as("shipped years stay").isFalse();
	}

	@Test
	void malformedScheduleNamesTheFieldAtFault() {
		assertThatThrownBy(() -> HolidaySchedule.read(new ByteArrayInputStream(
				"{\"year\": 2027, \"days\": [{\"date\": \"2027-13-01\", \"isOffDay\": true}]}".getBytes()), "2027.json"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("2027.json")
			.hasMessageContaining("days[0].date");
		assertThatThrownBy(() -> HolidaySchedule.read(new ByteArrayInputStream("{\"days\": []}".getBytes()), "x.json"))
			.hasMessageContaining("'year'");
		assertThatThrownBy(() -> HolidaySchedule.read(new ByteArrayInputStream("not json".getBytes()), "y.json"))
			.hasMessageContaining("y.json: not valid JSON");
	}

}
