// Public entry point of the RingCentral emulator (development only, Node built-ins only).
export { RingCentralEmulator, defaultRoutes } from './server';
export { EMULATOR_DEFAULTS, DEFAULT_FROM, DEFAULT_PHONE_NUMBERS } from './fixtures';
export { SUPPORTED_MMS_CONTENT_TYPES, MESSAGE_LIMITS } from './messages';
export { parseMultipart, parseHeaderValue } from './multipart';
export { SUBSCRIPTION_LIMITS, type SubscriptionRecord, type SubscriptionStore, type DeliveryRecord, type HandshakeRecord } from './subscriptionStore';
export { WEBHOOK_LIMITS } from './webhookCalls';
export type { InboundSms, InboundFile, InboundMessage, InboundResult } from './inbound';
export { ApiError, errorBody } from './errors';
export type { MultipartPart, HeaderValue } from './multipart';
export type { Route, RequestContext, HandlerResult, EmulatorState } from './routes';
export type {
	RateLimitGroup,
	RateLimitConfig,
	PhoneNumberFixture,
	EmulatorOptions,
	ResolvedEmulatorOptions,
	FaultKind,
	Fault,
	JournalPart,
	JournalEntry,
	StoredMessage,
	MessageInfo,
	MessageAttachmentInfo,
} from './types';
