package gov.county.platform.survey;

import gov.county.platform.ledger.EventType;

/** The ledger events of the satisfaction survey (满意度测评), in the order a survey meets them. */
public enum SurveyEvent implements EventType {

	FILED("登记", "Filed"),
	RESULTS_ENTERED("录入结果", "Results entered"),
	RANKED("排名", "Ranked"),
	REPORTED("通报排名", "Reported"),
	RECTIFICATION_STARTED("启动整改", "Rectification started"),
	ORGANIZATIONAL_HANDLING("组织处理", "Organisational handling"),
	CLOSED("结案", "Closed");

	private final String chinese;

	private final String english;

	SurveyEvent(String chinese, String english) {
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
