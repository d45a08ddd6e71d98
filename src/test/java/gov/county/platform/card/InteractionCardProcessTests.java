package gov.county.platform.card;

import gov.county.platform.support.PlatformIntegrationTest;

/** Every path of the card process on the embedded H2 default. */
@PlatformIntegrationTest
class InteractionCardProcessTests extends CardProcessScenarios {

}
