package gov.county.platform.card;


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

}
