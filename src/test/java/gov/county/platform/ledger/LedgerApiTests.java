package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import gov.county.platform.support.PlatformIntegrationTest;

/** {@code /api/ledger} and {@code /api/ledger/verify} as clerks, auditors and strangers use them. */
@PlatformIntegrationTest
class LedgerApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	LedgerService ledger;

	@Autowired
	CaseNumberService caseNumbers;

	private String labaoCase;

	private String housingCase;

	@BeforeEach
	void twoCasesOfTwoUnits() {
		this.labaoCase = this.caseNumbers.next("TA");
		this.ledger.append(new LedgerEvent(this.labaoCase, "TestProcess", "FILED", "township-labao", "system", null, "a"));
		this.ledger.append(new LedgerEvent(this.labaoCase, "TestProcess", "HANDED_UP", "county-platform", "system", null,
				"=cmd|' /C calc'!A0"));
		this.housingCase = this.caseNumbers.next("TA");
		this.ledger.append(new LedgerEvent(this.housingCase, "TestProcess", "FILED", "dept-housing", "system", null, "b"));
	}

	private ResponseEntity<Map> get(String user, String url) {
		return this.rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
	}

	@Test
	void auditorPagesThroughACaseOldestFirst() {
		ResponseEntity<Map> page = get("auditor", "/api/ledger?caseNo=" + this.labaoCase + "&size=1&page=1");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).containsEntry("total", 2).containsEntry("page", 1).containsEntry("size", 1);
		List<Map<String, Object>> entries = (List<Map<String, Object>>) page.getBody().get("entries");
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("event", "HANDED_UP").containsEntry("process", "TestProcess");
			assertThat(entry).containsKeys("caseNo", "unit", "actor", "at", "dueAt", "detail", "hash", "previousHash");
		});
	}

	@Test
	void filtersByUnitAndEvent() {
		List<Map<String, Object>> entries = (List<Map<String, Object>>) get("auditor",
				"/api/ledger?unit=dept-housing&event=FILED&size=500").getBody().get("entries");
		assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("unit", "dept-housing"));
		assertThat(entries).extracting(e -> e.get("caseNo")).contains(this.housingCase).doesNotContain(this.labaoCase);
	}

	@Test
	void clerkSeesOnlyCasesOfTheirUnit() {
		List<Map<String, Object>> labao = (List<Map<String, Object>>) get("township-labao-clerk",
				"/api/ledger?size=500").getBody().get("entries");
		assertThat(labao).extracting(e -> e.get("caseNo")).contains(this.labaoCase).doesNotContain(this.housingCase);
		assertThat(labao).extracting(e -> e.get("event")).contains("HANDED_UP");

		assertThat(get("dept-housing-clerk", "/api/ledger?caseNo=" + this.labaoCase).getBody()).containsEntry("total", 0);
	}

	@Test
	void exportsCsvWithFormulasDefused() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.valueOf("text/csv")));
		ResponseEntity<String> csv = this.rest.withBasicAuth("auditor", "demo")
			.exchange("/api/ledger?caseNo=" + this.labaoCase, HttpMethod.GET, new HttpEntity<>(headers), String.class);

		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String[] lines = csv.getBody().replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).isEqualTo("caseNo,process,event,unit,actor,at,dueAt,detail,hash,previousHash");
		assertThat(lines).hasSize(3);
		assertThat(lines[2]).contains(this.labaoCase + ",TestProcess,HANDED_UP,county-platform,system")
			.contains("'=cmd|' /C calc'!A0");
	}

	@Test
	void badParametersAreProblemsNamingTheField() {
		for (String[] call : new String[][] { { "size=0", "size" }, { "size=501", "size" }, { "page=-1", "page" },
				{ "page=abc", "page" }, { "from=yesterday", "from" }, { "to=2026-13-01", "to" },
				{ "event=filed;DROP", "event" }, { "unit=<script>", "unit" },
				{ "caseNo=HD-2026-000001'OR'1'='1", "caseNo" },
				{ "from=2026-03-02&to=2026-03-01", "to" } }) {
			ResponseEntity<Map> answer = get("auditor", "/api/ledger?" + call[0]);
			assertThat(answer.getStatusCode()).as(call[0]).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getHeaders().getContentType()).as(call[0]).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody()).as(call[0]).containsEntry("field", call[1]);
		}
	}

	@Test
	void verifyIsForOversightOnly() {
		ResponseEntity<Map> auditor = get("auditor", "/api/ledger/verify");
		assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(auditor.getBody()).containsEntry("ok", true);
		assertThat((Integer) auditor.getBody().get("entriesChecked")).isGreaterThanOrEqualTo(3);

		assertThat(get("township-labao-clerk", "/api/ledger/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anonymousAndWrongPasswordAreRefused() {
		assertThat(this.rest.getForEntity("/api/ledger", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// a wrong password locks the user for a few seconds (Camunda's brute-force delay): not a shared user
		ResponseEntity<String> wrong = this.rest.withBasicAuth("dept-womens-federation-clerk", "nope").getForEntity("/api/ledger",
				String.class);
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
	}

}
