// Promotions: the store's discount codes as content, what a shopper's message says about them, and why a code
// does or does not work. Pure; the knowledge module loads the file, the pipeline calls the stage.
export { PromotionsFile, type Promotion } from './schema.js';
export { compilePromotions, type CompiledPromotion, type PromotionContent } from './content.js';
export { availablePromotions, CODE_STATUSES, diagnoseCode, type CodeStatus, type Diagnosis, type Money, type ShopperSituation } from './diagnose.js';
export { findAmount, findCodes } from './extract.js';
export {
  DISCOUNT_INTENT,
  lineValues,
  PROMOTION_VALUES,
  promotionStage,
  promotionValues,
  type PromotionFact,
  type PromotionsFact,
  type PromotionStage,
} from './stage.js';
export { promotionProblems } from './validate.js';
