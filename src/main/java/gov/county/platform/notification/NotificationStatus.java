package gov.county.platform.notification;

/** Where a notification stands. */
enum NotificationStatus {

	/** In the inbox of its recipient. */
	DELIVERED,
	/** An e-mail waiting for its (next) attempt. */
	PENDING,
	/** An e-mail being sent by one node. */
	SENDING,
	/** An e-mail the mail server accepted. */
	SENT,
	/** An e-mail given up after the last attempt. */
	FAILED,
	/** An e-mail to an outside address while no mail server is configured. */
	SKIPPED

}
