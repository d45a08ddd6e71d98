package gov.county.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One year of the official schedule: the listed days and whether each is a day off (a holiday) or
 * a working day (a make-up day, 调休). Days not listed follow the week: Monday to Friday work.
 */
record HolidaySchedule(int year, Map<LocalDate, Boolean> offDays, String source) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Reads a schedule in the format of the official data set: {@code {"year": 2026, "days": [{"date":
	 * "2026-01-01", "name": "元旦", "isOffDay": true}]}}.
	 *
	 * @throws IllegalArgumentException naming the source and the field at fault
	 */
	static HolidaySchedule read(InputStream in, String source) throws IOException {
		JsonNode root;
		try {
			root = JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(source + ": not valid JSON (" + ex.getMessage() + ")", ex);
		}
		if (root == null || !root.path("year").canConvertToInt()) {
			throw new IllegalArgumentException(source + ": field 'year' is missing or not a number");
		}
		int year = root.get("year").asInt();
		JsonNode days = root.path("days");
		if (!days.isArray()) {
			throw new IllegalArgumentException(source + ": field 'days' is missing or not a list");
		}
		Map<LocalDate, Boolean> offDays = new HashMap<>();
		for (int i = 0; i < days.size(); i++) {
			JsonNode day = days.get(i);
			String field = "days[" + i + "]";
			LocalDate date;
			try {
				date = LocalDate.parse(day.path("date").asText());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(source + ": " + field + ".date is not a date (YYYY-MM-DD)", ex);
			}
			if (!day.path("isOffDay").isBoolean()) {
				throw new IllegalArgumentException(source + ": " + field + ".isOffDay must be true or false");
			}
			offDays.put(date, day.get("isOffDay").asBoolean());
		}
		return new HolidaySchedule(year, Map.copyOf(offDays), source);
	}

}
