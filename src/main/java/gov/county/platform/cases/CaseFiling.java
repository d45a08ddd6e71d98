package gov.county.platform.cases;

import java.util.Map;

import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.security.PlatformUser;

/**
 * How one process files a case from the API: {@code POST /api/{collection}} with a JSON body
 * ({@link FilingController}). A process registers its own as a bean.
 */
public interface CaseFiling {

	/** The path under {@code /api}: {@code cards}, {@code rectifications}, {@code surveys}. */
	String collection();

	/**
	 * Checks the request (a refusal names every field at fault) and starts the case as the caller.
	 *
	 * @param body the request's JSON object, empty when it has none
	 */
	Filed file(Map<String, Object> body, PlatformUser caller);

}
