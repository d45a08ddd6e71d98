package gov.county.platform.engine;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's notion of now. Deadlines are computed on it, so they agree with the engine's timers
 * and task dates (and tests or demo data that move the engine's clock move deadlines with it).
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Lets the engine's clock run {@code ahead} of the wall clock (it keeps ticking), as if that
	 * much time had passed; {@code Duration.ZERO} puts it back. Timers fall due by this clock.
	 */
	public static void runAhead(java.time.Duration ahead) {
		if (ahead.isZero()) {
			ClockUtil.reset();
		}
		else {
			ClockUtil.offset(ahead.toMillis());
		}
	}

	/** Runs {@code action} with the engine's clock at {@code at}, then gives the clock back. */
	public static void at(Instant at, Runnable action) {
		ClockUtil.setCurrentTime(java.util.Date.from(at));
		try {
			action.run();
		}
		finally {
			ClockUtil.reset();
		}
	}

}
