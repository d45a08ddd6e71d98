package gov.county.platform.rectification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.organization.Directory;

/** Opens a rectification from the API: checked, then started by the case kernel. */
@Service
public class RectificationIntake {

	private final CaseIntake cases;

	private final Directory directory;

	public RectificationIntake(CaseIntake cases, Directory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	/** @param callerGroups the caller's groups: a unit opens rectification only for itself */
	@Transactional
	public Filed file(Map<String, ?> submitted, List<String> callerGroups) {
		return this.cases.start(RectificationProcess.KEY,
				RectificationSubmission.validate(submitted, this.directory, callerGroups));
	}

}
