package gov.county.platform.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.api.DateParameters;
import gov.county.platform.security.PlatformUser;

/**
 * {@code GET /api/ledger} (JSON page, or every matching entry as CSV with {@code Accept: text/csv})
 * and {@code GET /api/ledger/verify}. County offices, auditors and admins read every case; a unit's
 * members read the cases their unit appears in. Only oversight may run the verification.
 */
@RestController
class LedgerController {

	private static final Pattern CASE_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final Pattern EVENT = Pattern.compile("[A-Z_]{1,40}");

	private static final Pattern UNIT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final LedgerService ledger;

	private final DateParameters dates;

	LedgerController(LedgerService ledger, DateParameters dates) {
		this.ledger = ledger;
		this.dates = dates;
	}

	@GetMapping(path = "/api/ledger", produces = "application/json")
	LedgerPage page(PlatformUser user, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String event,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		ApiProblem.checkPaging(page, size);
		return this.ledger.search(query(user, caseNo, unit, event, from, to), page, size);
	}

	@GetMapping(path = "/api/ledger", produces = "text/csv")
	void csv(PlatformUser user, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String event,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		LedgerQuery query = query(user, caseNo, unit, event, from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"ledger.csv\"");
		PrintWriter out = response.getWriter();
		out.write('\uFEFF'); // so that spreadsheet programs read the Chinese text as UTF-8
		out.print("caseNo,process,event,unit,actor,at,dueAt,detail,hash,previousHash\r\n");
		this.ledger.export(query, entry -> out.print(LedgerCsv.row(entry)));
		out.flush();
	}

	@GetMapping("/api/ledger/verify")
	LedgerVerification verify(PlatformUser user) {
		if (!user.isOversight()) {
			throw ApiProblem.forbidden("Only the county platform, the supervision office, county leaders, auditors "
					+ "and admins may verify the whole ledger");
		}
		return this.ledger.verify();
	}

	private LedgerQuery query(PlatformUser user, String caseNo, String unit, String event, String from, String to) {
		check("caseNo", caseNo, CASE_NO, "letters, digits and hyphens, at most 32");
		check("unit", unit, UNIT, "a unit id such as township-labao");
		check("event", event, EVENT, "an event name such as FILED");
		Instant[] range = this.dates.range(from, to);
		return new LedgerQuery(caseNo, unit, event, range[0], range[1],
				user.isOversight() ? null : user.groups());
	}

	private static void check(String field, String value, Pattern pattern, String expected) {
		if (value != null && !pattern.matcher(value).matches()) {
			throw ApiProblem.badRequest(field, "'" + field + "' must be " + expected);
		}
	}

}
