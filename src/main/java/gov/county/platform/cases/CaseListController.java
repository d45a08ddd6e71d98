package gov.county.platform.cases;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.api.Csv;
import gov.county.platform.api.DateParameters;
import gov.county.platform.security.PlatformUser;

/**
 * {@code GET /api/cases?caseNo=&process=&unit=&event=&status=&from=&to=&page=&size=}: the cases the
 * caller may see, newest first ({@link CaseSearch}); {@code Accept: text/csv} or {@code format=csv}
 * (a browser's download link) gives every matching case as CSV.
 */
@RestController
class CaseListController {

	private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2,8}-\\d{4}-[0-9A-Z]{1,8}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

	private final CaseSearch search;

	private final DateParameters dates;

	CaseListController(CaseSearch search, DateParameters dates) {
		this.search = search;
		this.dates = dates;
	}

	@GetMapping("/api/cases")
	CaseSearch.Page list(PlatformUser user, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String process, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String event, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
		CaseSearch.Query query = query(caseNo, process, unit, event, status, from, to);
		if ("csv".equals(format)) {
			csv(query, user, response);
			return null;
		}
		if (page < 0) {
			throw ApiProblem.badRequest("page", "'page' must be 0 or more");
		}
		if (size < 1 || size > 200) {
			throw ApiProblem.badRequest("size", "'size' must be from 1 to 200");
		}
		return this.search.search(query, user, page, size);
	}

	@GetMapping(path = "/api/cases", produces = "text/csv")
	void csv(PlatformUser user, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String process, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String event, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		csv(query(caseNo, process, unit, event, status, from, to), user, response);
	}

	private void csv(CaseSearch.Query query, PlatformUser user, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
		PrintWriter out = response.getWriter();
		// a byte-order mark, so that a spreadsheet opens the Chinese text as UTF-8
		out.print('\ufeff');
		out.print("案件编号 case,流程 process,事项 subject,单位 unit,状态 status,超期 overdue,督办 escalated,"
				+ "登记 filed,办结 closed,期限 due\r\n");
		this.search.export(query, user, row -> out.print(String.join(",", Csv.cell(row.caseNo()), Csv.cell(row.process()),
				Csv.cell(row.subject()), Csv.cell(row.unitName()), Csv.cell(row.status()),
				row.overdue() ? "yes" : "no", row.escalated() ? "yes" : "no", Csv.cell(row.openedAt()),
				Csv.cell(row.closedAt()), Csv.cell(row.dueAt())) + "\r\n"));
		out.flush();
	}

	private CaseSearch.Query query(String caseNo, String process, String unit, String event, String status,
			String from, String to) {
		check("caseNo", caseNo, CASE_NO, "a case number such as HD-2026-000001");
		check("process", process, NAME, "a process id such as InteractionCardProcess");
		check("unit", unit, NAME, "a unit id such as township-labao");
		check("event", event, NAME, "a ledger event such as FILED");
		CaseSearch.Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = CaseSearch.Status.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badRequest("status",
						"'status' must be one of " + Arrays.toString(CaseSearch.Status.values()));
			}
		}
		Instant[] range = this.dates.range(from, to);
		return new CaseSearch.Query(blank(caseNo), blank(process), blank(unit), blank(event), wanted, range[0],
				range[1]);
	}

	private static void check(String field, String value, Pattern pattern, String expected) {
		if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
			throw ApiProblem.badRequest(field, "'" + field + "' must be " + expected);
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
