package gov.county.platform.rectification;

import gov.county.platform.support.PlatformIntegrationTest;

/** Every path of the rectification process on the embedded H2 default. */
@PlatformIntegrationTest
class RectificationProcessTests extends RectificationProcessScenarios {

}
