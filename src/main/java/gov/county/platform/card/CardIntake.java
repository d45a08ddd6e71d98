package gov.county.platform.card;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.organization.Directory;

/** Files a card from another system (channel API): checked, then started by the case kernel. */
@Service
public class CardIntake {

	private final CaseIntake cases;

	private final Directory directory;

	public CardIntake(CaseIntake cases, Directory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	@Transactional
	public Filed file(Map<String, ?> submitted) {
		return this.cases.start(CardProcess.KEY,
				CardSubmission.validate(submitted, this.directory, CardValues.Channel.API.name()));
	}

}
