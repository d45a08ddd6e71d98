package gov.county.platform.cases;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.security.PlatformUser;

/**
 * {@code GET /api/cases?caseNo=&process=&unit=&event=&status=&from=&to=&page=&size=}: the cases the
 * caller may see, newest first ({@link CaseSearch}); {@code Accept: text/csv} or {@code format=csv}
 * (a browser's download link) gives every matching case as CSV.
 */
@RestController
class CaseListController {

	private final CaseSearch search;

	CaseListController(CaseSearch search) {
		this.search = search;
	}

	@GetMapping("/api/cases")
	CaseSearch.Page list(PlatformUser user, @RequestParam(required = false) String caseNo,
			@RequestParam(required = false) String process, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String event, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
		CaseSearch.Query query = this.search.query(caseNo, process, unit, event, status, from, to);
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
		csv(this.search.query(caseNo, process, unit, event, status, from, to), user, response);
	}

	private void csv(CaseSearch.Query query, PlatformUser user, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
		PrintWriter out = response.getWriter();
		this.search.csv(query, user, out);
		out.flush();
	}

}
