package gov.county.platform.survey;

import java.util.List;
import java.util.function.Function;

import gov.county.platform.organization.Unit;

/**
 * What the survey's step rules know when one of its tasks completes: who acts, the units of the
 * organisation chart, and how entered results are read and checked against the chart. A unit test
 * builds one by hand.
 */
record SurveyCase(String caseNo, String actor, List<Unit> chart, Function<Object, List<SurveyRanking.Result>> parse) {
}
