package gov.county.platform.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ledger events one process declares (a bean per process): a diagram's "Write to the ledger"
 * task may write only these.
 */
public record EventTypes(String processKey, List<EventType> types) {

	public static <E extends Enum<E> & EventType> EventTypes of(String processKey, Class<E> type) {
		return new EventTypes(processKey, Arrays.asList(type.getEnumConstants()));
	}

	public Optional<EventType> find(String event) {
		return this.types.stream().filter(t -> t.name().equals(event)).findFirst();
	}

	/** The event named {@code event}; a name the process does not declare is refused, naming them. */
	public EventType require(String event) {
		return find(event).orElseThrow(() -> new IllegalArgumentException("'" + event
				+ "' is not a ledger event of " + this.processKey + "; it writes " + names()));
	}

	public List<String> names() {
		return this.types.stream().map(EventType::name).toList();
	}

}
