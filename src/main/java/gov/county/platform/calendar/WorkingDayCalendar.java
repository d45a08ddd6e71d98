package gov.county.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * China's official working days: weekends off, public holidays off, make-up working days (调休) on.
 * The shipped schedule ({@code calendar/holidays-cn/*.json}) is read first; files in the override
 * folder add later years or replace a shipped year, so a county adds next year's schedule without a
 * rebuild (restart to load it). A year without data falls back to plain weekends, with one warning.
 */
@Service
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	/** Deadlines fall at the last second of a working day. */
	public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final ZoneId zone;

	private final Map<Integer, HolidaySchedule> schedules;

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	@Autowired
	public WorkingDayCalendar(CalendarProperties properties) {
		this(properties.zone(), loadSchedules(properties.calendar().overrideDir()));
	}

	WorkingDayCalendar(ZoneId zone, Map<Integer, HolidaySchedule> schedules) {
		this.zone = zone;
		this.schedules = Map.copyOf(schedules);
		if (!schedules.isEmpty()) {
			log.info("Working-day calendar: official schedules for {} ({} zone)", new TreeMap<>(schedules).keySet(),
					zone);
		}
	}

	public ZoneId zone() {
		return this.zone;
	}

	public boolean isWorkingDay(LocalDate day) {
		HolidaySchedule schedule = this.schedules.get(day.getYear());
		if (schedule == null) {
			if (this.warnedYears.add(day.getYear())) {
				log.warn("No official holiday schedule for {}: counting only weekends as days off. "
						+ "Add {}.json to the calendar override folder.", day.getYear(), day.getYear());
			}
		}
		else {
			Boolean off = schedule.offDays().get(day);
			if (off != null) {
				return !off;
			}
		}
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	/**
	 * The {@code n}th working day after {@code day} (the day itself does not count); with a negative
	 * {@code n}, the {@code -n}th working day before it; with 0, the day itself.
	 */
	public LocalDate plusWorkingDays(LocalDate day, int n) {
		int step = n >= 0 ? 1 : -1;
		LocalDate current = day;
		for (int remaining = Math.abs(n); remaining > 0;) {
			current = current.plusDays(step);
			if (isWorkingDay(current)) {
				remaining--;
			}
		}
		return current;
	}

	/** The day of {@code instant} in the county's zone. */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	/**
	 * A deadline of {@code workingDays} working days for a clock that starts at {@code clockStart}:
	 * 23:59:59 county time of the {@code workingDays}th working day after the start day.
	 */
	public ZonedDateTime deadline(Instant clockStart, int workingDays) {
		if (workingDays < 1) {
			throw new IllegalArgumentException("a time limit must be at least 1 working day, was " + workingDays);
		}
		return endOf(plusWorkingDays(dayOf(clockStart), workingDays));
	}

	/**
	 * The end (23:59:59 county time) of the {@code workingDays}th working day after today: what is due
	 * before it is due "within {@code workingDays} working days". Tasklist's county-wide filter
	 * "due within 1 working day" asks for it ({@code ${workingDayCalendar.dueWithin(1)}}).
	 */
	public java.util.Date dueWithin(int workingDays) {
		return java.util.Date.from(endOf(plusWorkingDays(dayOf(gov.county.platform.engine.EngineClock.now()), workingDays))
			.toInstant());
	}

	/** 23:59:59 of {@code day} in the county's zone. */
	public ZonedDateTime endOf(LocalDate day) {
		return ZonedDateTime.of(day, END_OF_DAY, this.zone);
	}

	private static Map<Integer, HolidaySchedule> loadSchedules(Path overrideDir) {
		Map<Integer, HolidaySchedule> schedules = new TreeMap<>();
		try {
			Resource[] shipped = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:calendar/holidays-cn/*.json");
			for (Resource resource : shipped) {
				try (InputStream in = resource.getInputStream()) {
					HolidaySchedule schedule = HolidaySchedule.read(in, "calendar/holidays-cn/" + resource.getFilename());
					schedules.put(schedule.year(), schedule);
				}
			}
			if (overrideDir != null && Files.isDirectory(overrideDir)) {
				try (Stream<Path> files = Files.list(overrideDir)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
						try (InputStream in = Files.newInputStream(file)) {
							HolidaySchedule schedule = HolidaySchedule.read(in, file.toString());
							HolidaySchedule replaced = schedules.put(schedule.year(), schedule);
							log.info("Working-day calendar: {} {} the schedule for {}", file,
									replaced == null ? "adds" : "replaces", schedule.year());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the working-day calendar: " + ex.getMessage(), ex);
		}
		return schedules;
	}

}
