package gov.county.platform.survey;

import gov.county.platform.support.PlatformIntegrationTest;

/** Every path of the satisfaction survey on the embedded H2 default. */
@PlatformIntegrationTest
class SatisfactionSurveyProcessTests extends SurveyProcessScenarios {

}
