package gov.county.platform.rectification;

import gov.county.platform.ledger.EventType;

/** The ledger events of rectification (整改), in the order a case meets them. */
public enum RectificationEvent implements EventType {

	FILED("登记", "Filed"),
	PLAN_REQUESTED("限期提交方案", "Plan requested"),
	PLAN_SUBMITTED("提交方案", "Plan submitted"),
	PLAN_APPROVED("方案通过", "Plan approved"),
	PLAN_RETURNED("方案退回", "Plan returned"),
	COMMITTED("公开承诺", "Committed"),
	MEASURE_DONE("措施完成", "Measure done"),
	PROGRESS_REPORTED("报告进展", "Progress reported"),
	WARNED("预警", "Warned"),
	URGED("催办", "Urged"),
	REPRIMANDED("通报", "Reprimanded"),
	CRITICIZED("批评", "Criticized"),
	SUMMONED("约谈通知", "Summoned"),
	ADMONISHED("诫勉谈话", "Admonished"),
	VERIFICATION_FAILED("核实未通过", "Verification failed"),
	VERIFIED("核实", "Verified"),
	CLOSED("结案", "Closed");

	private final String chinese;

	private final String english;

	RectificationEvent(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	@Override
	public String chinese() {
		return this.chinese;
	}

	@Override
	public String english() {
		return this.english;
	}

}
