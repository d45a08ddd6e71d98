package gov.county.platform.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.security.AuditEventType;
import gov.county.platform.security.AuditTrail;

/**
 * Erases a submitter's data once the retention period has passed since the case closed (PIPL art.
 * 19: kept no longer than needed): the kept name and contact, and the addresses and bodies of the
 * e-mails sent about the case. The engine's history and the ledger hold none of it, so the case's
 * history stays whole and its ledger still verifies. Daily at {@code platform.privacy.erase-cron}
 * in the county's zone, case by case, each in its own transaction and recorded in the audit trail;
 * every node may run it (erasing twice changes nothing).
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final PersonalData personalData;

	private final NotificationService notifications;

	private final AuditTrail audit;

	private final PrivacyProperties privacy;

	private final CalendarProperties calendar;

	private final TransactionTemplate transaction;

	Retention(JdbcTemplate jdbc, PersonalData personalData, NotificationService notifications, AuditTrail audit,
			PrivacyProperties privacy, CalendarProperties calendar, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.notifications = notifications;
		this.audit = audit;
		this.privacy = privacy;
		this.calendar = calendar;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${platform.privacy.erase-cron:0 30 2 * * *}", zone = "${platform.zone:Asia/Shanghai}")
	void eraseExpired() {
		int erased = eraseClosedBefore(Instant.now().atZone(this.calendar.zone()).minus(this.privacy.retention()).toInstant());
		if (erased > 0) {
			log.info("Erased the personal data of {} cases closed more than {} ago", erased, this.privacy.retention());
		}
	}

	/** Erases the personal data of every case whose process ended before {@code cutoff}; how many cases. */
	int eraseClosedBefore(Instant cutoff) {
		int erased = 0;
		List<CaseClosed> batch;
		do {
			// the case's own process instance (ledger_case_head), not any instance that carried its number
			batch = this.jdbc.query("SELECT DISTINCT p.case_no, i.END_TIME_ FROM personal_data p "
					+ "JOIN ledger_case_head h ON h.case_no = p.case_no JOIN ACT_HI_PROCINST i ON i.ID_ = h.process_instance_id "
					+ "WHERE p.erased_at IS NULL AND i.END_TIME_ < ? ORDER BY p.case_no LIMIT " + BATCH,
					(rs, row) -> new CaseClosed(rs.getString(1), rs.getTimestamp(2).toInstant()),
					OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
			for (CaseClosed closed : batch) {
				this.transaction.executeWithoutResult(status -> erase(closed));
				erased++;
			}
		}
		while (batch.size() == BATCH);
		return erased;
	}

	private void erase(CaseClosed closed) {
		Instant now = Instant.now();
		int values = this.personalData.erase(closed.caseNo(), now);
		int emails = this.notifications.eraseAddresses(closed.caseNo());
		this.audit.record(AuditEventType.PERSONAL_DATA_ERASED, null, closed.caseNo(), values + " values and " + emails
				+ " e-mails' addresses erased; the case closed " + closed.endedAt() + ", kept " + this.privacy.retention());
	}

	private record CaseClosed(String caseNo, Instant endedAt) {
	}

}
