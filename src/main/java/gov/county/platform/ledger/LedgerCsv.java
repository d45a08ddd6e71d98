package gov.county.platform.ledger;

import gov.county.platform.api.Csv;

/**
 * One ledger entry as a CSV line ({@link Csv}: formula cells defused).
 */
final class LedgerCsv {

	private LedgerCsv() {
	}

	static String row(LedgerEntry e) {
		return String.join(",", Csv.cell(e.caseNo()), Csv.cell(e.process()), Csv.cell(e.event()), Csv.cell(e.unit()),
				Csv.cell(e.actor()), Csv.cell(e.at()), Csv.cell(e.dueAt()), Csv.cell(e.detail()), Csv.cell(e.hash()),
				Csv.cell(e.previousHash())) + "\r\n";
	}

}
