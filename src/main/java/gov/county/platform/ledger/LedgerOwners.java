package gov.county.platform.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases filed before the ledger recorded their owner get it from the engine's history: the first
 * instance of the case's process that carried its number (an instance started later under the
 * same number is the forgery the owner check exists to refuse). Once, at the first start of this
 * release; a case whose history is gone keeps no owner, and no process step may write to it.
 */
@Component
class LedgerOwners {

	private static final Logger log = LoggerFactory.getLogger(LedgerOwners.class);

	private final JdbcTemplate jdbc;

	LedgerOwners(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Order(12)
	@EventListener(ApplicationStartedEvent.class)
	void recordOwners() {
		String firstInstance = "SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ledger_case_head.case_no "
				+ "AND p.PROC_DEF_KEY_ = (SELECT e.process_key FROM ledger_entry e "
				+ "WHERE e.case_no = ledger_case_head.case_no AND e.seq = 1)";
		int recorded = this.jdbc.update("UPDATE ledger_case_head SET process_instance_id = (" + firstInstance
				+ " ORDER BY p.START_TIME_, p.ID_ FETCH FIRST 1 ROWS ONLY) WHERE process_instance_id IS NULL AND EXISTS ("
				+ firstInstance + ")");
		if (recorded > 0) {
			Integer unowned = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM ledger_case_head WHERE process_instance_id IS NULL", Integer.class);
			log.info("Recorded the owning process instance of {} cases filed before owners were kept ({} without "
					+ "history keep none)", recorded, unowned);
		}
	}

}
