package gov.county.platform.card;

import gov.county.platform.ledger.EventType;

/** The ledger events of the interaction card (the names other systems rely on; docs/processes.md), in the order a card meets them. */
public enum CardEvent implements EventType {

	FILED("登记", "Filed"),
	ACCEPTED("受理", "Accepted"),
	REJECTED("不予受理", "Rejected"),
	MERGED("合并", "Merged"),
	CLASSIFIED("分类", "Classified"),
	DISPATCHED("交办", "Dispatched"),
	HANDED_UP("上报", "Handed up"),
	COORDINATED("协调", "Coordinated"),
	WARNED("预警", "Warned"),
	URGED("催办", "Urged"),
	REPRIMANDED("通报", "Reprimanded"),
	EXTENSION_REQUESTED("申请延期", "Extension requested"),
	EXTENDED("准予延期", "Extended"),
	EXTENSION_DENIED("不予延期", "Extension denied"),
	RETURNED("退回", "Returned"),
	CO_HANDLED("协办", "Co-handled"),
	HANDLED("办理完毕", "Handled"),
	FEEDBACK_SENT("反馈", "Feedback sent"),
	REVIEWED("审核", "Reviewed"),
	REWORK("重办", "Rework"),
	ORGANIZED("汇总整理", "Case summary collated"),
	EVALUATED("评价", "Evaluated"),
	REOPENED("重启", "Reopened"),
	CLOSED("结案", "Closed");

	private final String chinese;

	private final String english;

	CardEvent(String chinese, String english) {
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
