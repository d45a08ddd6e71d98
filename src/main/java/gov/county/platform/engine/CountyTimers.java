package gov.county.platform.engine;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;

/**
 * Cron timers ({@code timeCycle} such as {@code 0 0 9 1 * ?}, "09:00 on the 1st") fire at that
 * time in the county's zone ({@code platform.zone}), not in the server's (the engine reads them in
 * the JVM's default zone, UTC on most servers: 17:00 in the county). ISO cycles ({@code R3/PT1H})
 * and due dates are the engine's own. The one place that changes how the engine reads timers.
 */
@Component
class CountyTimers extends AbstractProcessEnginePlugin {

	private final ZoneId zone;

	CountyTimers(CalendarProperties calendar) {
		this.zone = calendar.zone();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
		calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
		calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
		calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new InCountyZone(this.zone));
		configuration.setBusinessCalendarManager(calendars);
	}

	/** The engine's cycle calendar, with cron expressions read in the county's zone. */
	static final class InCountyZone extends CycleBusinessCalendar {

		private final ZoneId zone;

		InCountyZone(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public Date resolveDuedate(String cycle, Date startDate, long repeatOffset) {
			if (cycle.startsWith("R")) {
				return super.resolveDuedate(cycle, startDate, repeatOffset);
			}
			CronExpression cron;
			try {
				cron = CronExpression.parse(cycle.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new ProcessEngineException("The timer cycle '" + cycle + "' is not a cron expression of six fields "
						+ "(second minute hour day-of-month month day-of-week, e.g. 0 0 9 1 * ?) nor an ISO 8601 "
						+ "repetition (R/...): " + ex.getMessage(), ex);
			}
			Date from = startDate != null ? startDate : Date.from(EngineClock.now());
			ZonedDateTime next = cron.next(from.toInstant().atZone(this.zone));
			if (next == null) {
				throw new ProcessEngineException("The timer cycle '" + cycle + "' never fires after " + from);
			}
			return Date.from(next.toInstant());
		}

	}

}
