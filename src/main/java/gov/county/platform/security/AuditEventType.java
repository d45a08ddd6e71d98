package gov.county.platform.security;

/**
 * What the audit trail records (安全审计): sign-ins, accounts, roles and grants, deployments,
 * deletions of history, and looks at or erasures of personal data. Each with the words an audit
 * administrator reads.
 */
public enum AuditEventType {

	LOGIN("登录", "signed in"),
	LOGIN_FAILED("登录失败", "sign-in failed"),
	LOGIN_REFUSED_LOCKED("账户锁定中，拒绝登录", "sign-in refused: account locked"),
	LOCKED_OUT("多次登录失败，账户锁定", "account locked after failed sign-ins"),
	LOGIN_THROTTLED("地址登录失败过多，暂停受理", "too many failed sign-ins from one address"),
	USER_CREATED("创建用户", "user created"),
	USER_UPDATED("修改用户", "user changed"),
	PASSWORD_CHANGED("修改密码", "password changed"),
	USER_DELETED("删除用户", "user deleted"),
	USER_UNLOCKED("解锁用户", "user unlocked"),
	GROUP_CREATED("创建单位或角色组", "group created"),
	GROUP_UPDATED("修改单位或角色组", "group changed"),
	GROUP_DELETED("删除单位或角色组", "group deleted"),
	MEMBERSHIP_ADDED("加入单位或角色", "member added to a group"),
	MEMBERSHIP_REMOVED("移出单位或角色", "member removed from a group"),
	GRANT_CREATED("新增授权", "grant created"),
	GRANT_UPDATED("修改授权", "grant changed"),
	GRANT_DELETED("删除授权", "grant deleted"),
	GRANTS_MIGRATED("平台调整默认授权", "the platform's default grants changed"),
	DEPLOYED("部署流程或表单", "deployment"),
	DEPLOYMENT_DELETED("删除部署", "deployment deleted"),
	HISTORY_DELETED("删除历史记录", "history deleted"),
	PERSONAL_DATA_REVEALED("查看完整个人信息", "personal data revealed"),
	PERSONAL_DATA_ERASED("个人信息到期删除", "personal data erased after retention"),
	PERSONAL_DATA_MOVED("个人信息移出流程引擎", "personal data moved out of the engine's variables and history"),
	LEDGER_MASKED("台账中的联系方式脱敏", "contact details masked in the ledger"),
	CASE_VIEWED("查阅案件", "case looked up");

	private final String chinese;

	private final String english;

	AuditEventType(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	/** Chinese first, English beside it. */
	public String label() {
		return this.chinese + " " + this.english;
	}

}
