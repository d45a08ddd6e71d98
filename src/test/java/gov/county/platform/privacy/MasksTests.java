package gov.county.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTests {

	@Test
	void namesKeepTheirFirstCharacter() {
		assertThat(Masks.of("王某")).isEqualTo("王*");
		assertThat(Masks.of("欧阳小明")).isEqualTo("欧***");
		assertThat(Masks.of("王")).isEqualTo("王*");
		assertThat(Masks.of("𠀋小二")).isEqualTo("𠀋**");
	}

	@Test
	void numbersKeepTheirFirstThreeAndLastFourDigits() {
		assertThat(Masks.of("13800000001")).isEqualTo("138****0001");
		assertThat(Masks.of("+86 138 0000 0001")).isEqualTo("+86 1** **** 0001");
		assertThat(Masks.of("0851-8888 1234")).isEqualTo("085*-**** 1234");
	}

	@Test
	void addressesKeepTheirFirstCharacterAndDomain() {
		assertThat(Masks.of("wang@example.org")).isEqualTo("w***@example.org");
		assertThat(Masks.isEmail("wang@example.org")).isTrue();
		assertThat(Masks.isContact("13800000001")).isTrue();
		assertThat(Masks.isContact("王某")).isFalse();
	}

	@Test
	void addressesAndNumbersInATextAreMasked() {
		assertThat(Masks.inText("550 5.1.1 <wang.xiao@example.org>: Recipient address rejected; call 13800000001"))
			.isEqualTo("550 5.1.1 <w***@example.org>: Recipient address rejected; call 138****0001");
		assertThat(Masks.inText("Couldn't connect to host, port: localhost, 3025; timeout 10000"))
			.isEqualTo("Couldn't connect to host, port: localhost, 3025; timeout 10000");
	}

	@Test
	void maskingAMaskedValueChangesNothingAndEmptyStaysEmpty() {
		for (String value : new String[] { "王某", "13800000001", "wang@example.org", "0851-8888 1234", "Li" }) {
			assertThat(Masks.of(Masks.of(value))).as(value).isEqualTo(Masks.of(value));
		}
		assertThat(Masks.of(null)).isNull();
		assertThat(Masks.of("")).isEmpty();
	}

}
