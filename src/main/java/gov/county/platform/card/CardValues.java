package gov.county.platform.card;

import java.util.Arrays;
import java.util.List;

/** The values the contract fixes for cards, and the labels clerks read. */
public final class CardValues {

	/** The "four talks". */
	public enum Talk {

		LEADER_PROJECT, OWNER_ENTREPRENEURSHIP, CADRE_STYLE, PUBLIC_SERVICE

	}

	public enum Kind {

		REQUEST, OPINION, SUGGESTION, CRITICISM

	}

	public enum Channel {

		CARD, FACE_TO_FACE, MEDIA, HOTLINE, MAILBOX, VISIT, API

	}

	/** The "ten links" a card is filed under. */
	public enum Link {

		PROJECT_CONSTRUCTION, INTEGRITY, EMANCIPATING_THE_MIND, DECENTRALISATION, EFFICIENCY, SIMPLER_APPROVALS,
		SERVICE_WINDOWS, PERSONAL_SERVICE, INNOVATION, OTHER

	}

	public enum Acceptance {

		ACCEPT, REJECT, DUPLICATE

	}

	public enum Handling {

		RESOLVED, EXPLAINED, RETURN, EXTEND

	}

	public enum Review {

		PASS, REWORK

	}

	public enum Satisfaction {

		SATISFIED, BASICALLY_SATISFIED, DISSATISFIED

	}

	/** How a closed card ended, beside the ratings. */
	public static final String NO_RESPONSE = "NO_RESPONSE";

	private CardValues() {
	}

	static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
		return value != null && Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
	}

	static <E extends Enum<E>> List<String> names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
