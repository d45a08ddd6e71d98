package gov.county.platform.card;

import gov.county.platform.PlatformIntegrationTest;

/** Every path of the card process on the embedded H2 default. */
@PlatformIntegrationTest
class InteractionCardProcessTests extends CardProcessScenarios {

}
