package gov.county.platform.card;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.cases.CaseFiling;
import gov.county.platform.cases.CaseIntake;
import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.organization.Directory;
import gov.county.platform.security.PlatformUser;

/** {@code POST /api/cards}: a card from another system (channel API unless given), checked and filed. */
@Service
public class CardIntake implements CaseFiling {

	private final CaseIntake cases;

	private final Directory directory;

	public CardIntake(CaseIntake cases, Directory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	@Override
	public String collection() {
		return "cards";
	}

	@Override
	@Transactional
	public Filed file(Map<String, Object> body, PlatformUser caller) {
		return file(body);
	}

	@Transactional
	public Filed file(Map<String, ?> submitted) {
		return this.cases.start(CardProcess.KEY,
				CardSubmission.validate(submitted, this.directory, CardValues.Channel.API.name()));
	}

}
