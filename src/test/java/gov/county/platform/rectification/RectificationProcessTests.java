package gov.county.platform.rectification;

import gov.county.platform.PlatformIntegrationTest;

/** Every path of the rectification process on the embedded H2 default. */
@PlatformIntegrationTest
class RectificationProcessTests extends RectificationProcessScenarios {

}
