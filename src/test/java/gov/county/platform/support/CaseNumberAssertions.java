package gov.county.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every concurrency test checks of the case numbers it got: no duplicate and no gap. */
public final class CaseNumberAssertions {

	private CaseNumberAssertions() {
	}

	/** {@code numbers} like {@code HD-2026-000042}, all of one prefix and year. */
	public static void assertUniqueAndGapFree(List<String> numbers) {
		assertThat(numbers).doesNotHaveDuplicates();
		List<Integer> values = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
		assertThat(values.get(values.size() - 1) - values.get(0)).as("no gaps").isEqualTo(values.size() - 1);
	}

}
