// The care module's public face: order events and follow-ups (order-care.ts), their rules, facts and signatures.
export { createOrderCare, CARE_EVENT_JOB, EVENT_MEMORY_MS, type OrderCare } from './order-care.js';
export { FOLLOW_UP_JOB } from './follow-up.js';
export { EventEnvelope, ORDER_EVENT_TYPES, OrderEvent as OrderEventSchema, type OrderEventType } from './events.js';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from './signature.js';
export { chooseLanguage, customerFacts, orderFacts, orderValues, mergeValues, type CustomerFacts } from './order-facts.js';
export { planCare, type CarePlan } from './plan.js';
