package gov.county.platform.rectification;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.rectification.Commitments.Commitment;
import gov.county.platform.rectification.Commitments.PublicMeasure;

/**
 * {@code GET /api/public/commitments}, open to everyone: every publicly committed rectification
 * (公开承诺, "accept social supervision") with its measures, deadlines, progress and status — as
 * JSON, or as a plain HTML page when a browser asks. No personal data: responsible persons, comments
 * and talk records are not shown.
 */
@RestController
class PublicCommitmentsController {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Commitments commitments;

	private final WorkingDayCalendar calendar;

	private final OrganizationProperties organization;

	PublicCommitmentsController(Commitments commitments, WorkingDayCalendar calendar,
			OrganizationProperties organization) {
		this.commitments = commitments;
		this.calendar = calendar;
		this.organization = organization;
	}

	/** JSON unless the caller prefers HTML (a browser): one address for people and programs. */
	@GetMapping("/api/public/commitments")
	ResponseEntity<?> list(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		List<Commitment> all = this.commitments.list(this.calendar.dayOf(EngineClock.now()));
		if (prefersHtml(accept)) {
			return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html(all));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("commitments", all, "total", all.size()));
	}

	private static boolean prefersHtml(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
		MimeTypeUtils.sortBySpecificity(types);
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isWildcardType()) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
	}

	private String html(List<Commitment> all) {
		String county = this.organization.county() == null ? "" : this.organization.county();
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>整改公开承诺 Public rectification commitments</title>
				<style>
				body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}
				section{border:1px solid #ccc;border-radius:4px;padding:.5em 1em;margin:1em 0}
				table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}
				.status{font-weight:bold}.OVERDUE{color:#b00}.FULFILLED{color:#070}
				progress{width:10em}
				</style></head><body>
				""");
		page.append("<h1>").append(esc(county)).append(" 整改公开承诺 Public rectification commitments</h1>\n");
		page.append("<p>各单位整改措施、时限和进展，接受社会监督。Every unit's rectification measures, deadlines and "
				+ "progress, open to public supervision.</p>\n");
		if (all.isEmpty()) {
			page.append("<p>暂无公开承诺。No commitments yet.</p>\n");
		}
		for (Commitment c : all) {
			page.append("<section id=\"").append(esc(c.caseNo())).append("\">\n<h2>").append(esc(c.unitName()))
				.append("：").append(esc(c.title())).append("</h2>\n");
			page.append("<p>编号 Case ").append(esc(c.caseNo())).append(" · 状态 Status <span class=\"status ")
				.append(c.status().name()).append("\">").append(statusLabel(c.status())).append("</span> · 进度 Progress ")
				.append("<progress max=\"100\" value=\"").append(c.progress()).append("\"></progress> ")
				.append(c.progress()).append("%</p>\n");
			page.append("<p>发现的问题 Problems: ").append(esc(c.problems()).replace("\n", "<br>")).append("</p>\n");
			page.append("<table><tr><th>#</th><th>整改措施 Measure</th><th>目标 Target</th><th>时限 Deadline</th>"
					+ "<th>完成 Done</th></tr>\n");
			for (PublicMeasure m : c.measures()) {
				page.append("<tr><td>").append(m.no()).append("</td><td>").append(esc(m.measure())).append("</td><td>")
					.append(esc(m.target())).append("</td><td>").append(m.deadline()).append("</td><td>")
					.append(m.done() ? "✔ " + DAY_TIME.format(m.doneAt().atZone(this.calendar.zone()))
							: m.overdue() ? "<span class=\"OVERDUE\">超期 overdue</span>" : "—")
					.append("</td></tr>\n");
			}
			page.append("</table>\n</section>\n");
		}
		return page.append("</body></html>\n").toString();
	}

	private static String statusLabel(RectificationValues.PublicStatus status) {
		return switch (status) {
			case IN_PROGRESS -> "整改中 in progress";
			case OVERDUE -> "有措施超期 a measure is overdue";
			case REVISING -> "验收未通过，重新整改 verification failed, plan being revised";
			case FULFILLED -> "已兑现 fulfilled";
		};
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
