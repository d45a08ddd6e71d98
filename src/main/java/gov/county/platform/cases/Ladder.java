package gov.county.platform.cases;

import java.util.List;
import java.util.Set;

/**
 * An escalation ladder: its steps in order (each is also the ledger event that records it), and the
 * steps that also go to the county leaders. The first step goes to the unit (and the responsible
 * person, where there is one); every later step also to the unit's head and the supervision office.
 */
public record Ladder(List<String> steps, Set<String> toCountyLeaders) {

	/** A card's handling and a rectification plan: warning, urging, notice of criticism. */
	public static final Ladder DEADLINE = new Ladder(List.of("WARNED", "URGED", "REPRIMANDED"), Set.of("REPRIMANDED"));

	/**
	 * A rectification measure: warning, urging, notice of criticism (with an admonishment talk for
	 * the unit head, which the county leaders hold).
	 */
	public static final Ladder MEASURE = new Ladder(List.of("WARNED", "URGED", "CRITICIZED"), Set.of());

	public String first() {
		return this.steps.get(0);
	}

}
