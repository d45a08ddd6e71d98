package gov.county.platform.rectification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rectification measure of an approved or submitted plan.
 *
 * @param no its number in the plan, from 1
 * @param measure what will be done
 * @param responsible the user id of the person responsible, a member of the unit
 * @param deadline the working day by which it is done (23:59:59 county time)
 * @param target the result that shows it is done
 */
public record Measure(int no, String measure, String responsible, LocalDate deadline, String target) {

	/** As the process keeps it and the plan form shows it: {@code {measure, responsible, deadline, target}}. */
	public Map<String, Object> asVariable() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("measure", this.measure);
		out.put("responsible", this.responsible);
		out.put("deadline", this.deadline.toString());
		out.put("target", this.target);
		return out;
	}

}
