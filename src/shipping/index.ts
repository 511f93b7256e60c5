// Shipping: the operator's shipping zones and duties rules as content, and the facts and template values they give
// for a destination. Pure; the knowledge module loads the files, the pipeline asks for the facts.
export { DutiesFile, ZonesFile, type DutyRule, type ShippingZone } from './schema.js';
export {
  chooseDestination,
  countriesNamed,
  dutiesFacts,
  SHIPPING_INTENTS,
  SHIPPING_VALUES,
  shippingFacts,
  shippingValues,
  type Destination,
  type DestinationInput,
  type DutiesFacts,
  type ShippingContent,
  type ShippingFacts,
} from './facts.js';
