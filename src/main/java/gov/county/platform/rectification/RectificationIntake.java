package gov.county.platform.rectification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.cases.CaseFiling;
import gov.county.platform.cases.CaseIntake;
import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.organization.Directory;
import gov.county.platform.security.PlatformUser;

/** {@code POST /api/rectifications}: a rectification, checked (a unit opens one only for itself) and filed. */
@Service
public class RectificationIntake implements CaseFiling {

	private final CaseIntake cases;

	private final Directory directory;

	public RectificationIntake(CaseIntake cases, Directory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	@Override
	public String collection() {
		return "rectifications";
	}

	@Override
	@Transactional
	public Filed file(Map<String, Object> body, PlatformUser caller) {
		return file(body, caller.groups());
	}

	/** @param callerGroups the caller's groups: a unit opens rectification only for itself */
	@Transactional
	public Filed file(Map<String, ?> submitted, List<String> callerGroups) {
		return this.cases.start(RectificationProcess.KEY,
				RectificationSubmission.validate(submitted, this.directory, callerGroups));
	}

}
