// Public entry point of the RingCentral emulator (development only, Node built-ins only).
export { RingCentralEmulator, defaultRoutes } from './server';
export { EMULATOR_DEFAULTS, DEFAULT_FROM, DEFAULT_A2P_FROM, DEFAULT_PHONE_NUMBERS } from './fixtures';
export { RINGCENTRAL_RATE_LIMITS } from './rateLimits';
export { A2P_LIMITS } from './a2p';
export { A2pStore, segmentsOf, type A2pBatch, type A2pMessage, type A2pOptOut, type A2pRejected } from './a2pStore';
export { SUPPORTED_MMS_CONTENT_TYPES, MESSAGE_LIMITS } from './messages';
export { DEFAULT_RECIPIENT_OUTCOMES, refreshStatus } from './messageStatus';
export { MULTIPART_JSON } from './messageStore';
export { receiveMessage } from './inbound';
export type { InboundMessage, InboundFile } from './inbound';
export { parseMultipart, parseHeaderValue } from './multipart';
export { SUBSCRIPTION_LIMITS, type SubscriptionRecord, type SubscriptionStore, type DeliveryRecord, type HandshakeRecord } from './subscriptionStore';
export { WEBHOOK_LIMITS } from './webhookCalls';
export type { InboundSms, InboundSmsFile, InboundEvent, InboundResult } from './inboundEvents';
export { ApiError, errorBody } from './errors';
export type { MultipartPart, HeaderValue } from './multipart';
export type { Route, RequestContext, HandlerResult, EmulatorState } from './routes';
export type { SessionInfo, TokenResponse } from './auth';
export type {
	RateLimitGroup,
	RateLimitConfig,
	PhoneNumberFixture,
	EmulatorOptions,
	ResolvedEmulatorOptions,
	A2pOptions,
	FaultKind,
	Fault,
	JournalPart,
	JournalEntry,
	StoredMessage,
	MessageInfo,
	MessageAttachmentInfo,
	MessageStoreOptions,
	RecipientOutcome,
} from './types';
