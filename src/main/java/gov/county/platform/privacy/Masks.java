package gov.county.platform.privacy;

import java.util.regex.Pattern;

/**
 * How a person's data is shown to those who may not see it in full (GB/T 35273's de-identified
 * display): a name keeps its first character ({@code 王*}, {@code 欧***}); a telephone number its first
 * three and last four digits ({@code 138****0001}); an e-mail address the first character of its
 * local part and its domain ({@code w***@example.org}); anything else its first character. Masking a
 * masked value changes nothing.
 */
public final class Masks {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[+\\d][\\d\\s()*-]{5,}\\d");

	private Masks() {
	}

	/** The value as those who may not see it in full see it: an address, a number or a name masked. */
	public static String of(String value) {
		return contact(value);
	}

	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String trimmed = name.strip();
		int first = trimmed.offsetByCodePoints(0, 1);
		int rest = trimmed.codePointCount(first, trimmed.length());
		return trimmed.substring(0, first) + "*".repeat(Math.max(1, rest));
	}

	public static String contact(String contact) {
		if (contact == null || contact.isBlank()) {
			return contact;
		}
		String trimmed = contact.strip();
		if (EMAIL.matcher(trimmed).matches()) {
			int at = trimmed.indexOf('@');
			return trimmed.charAt(0) + "***" + trimmed.substring(at);
		}
		if (PHONE.matcher(trimmed).matches()) {
			return phone(trimmed);
		}
		return name(trimmed);
	}

	/** The digits but the first three and last four starred; other characters (+, -, spaces) kept. */
	private static String phone(String phone) {
		long digits = phone.chars().filter(c -> Character.isDigit(c) || c == '*').count();
		StringBuilder masked = new StringBuilder(phone.length());
		int seen = 0;
		for (char c : phone.toCharArray()) {
			if (Character.isDigit(c) || c == '*') {
				seen++;
				masked.append(seen <= 3 || seen > digits - 4 ? c : '*');
			}
			else {
				masked.append(c);
			}
		}
		return masked.toString();
	}

	private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![\\w*])\\+?\\d[\\d -]{8,}\\d(?![\\w*])");

	/** Every e-mail address and telephone number in a text masked (a mail server's message, say). */
	public static String inText(String text) {
		if (text == null) {
			return null;
		}
		String masked = EMAIL_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(of(m.group())));
		return PHONE_IN_TEXT.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(of(m.group())));
	}

	/** Whether {@code text} is a contact: an e-mail address or a telephone number. */
	public static boolean isContact(String text) {
		return text != null && (EMAIL.matcher(text.strip()).matches() || PHONE.matcher(text.strip()).matches());
	}

	/** Whether {@code text} looks like an e-mail address. */
	public static boolean isEmail(String text) {
		return text != null && EMAIL.matcher(text.strip()).matches();
	}

}
