// Public types of the RingCentral emulator. Other code (tests, demo, benchmarks)
// is written against these names, so change them only additively.

export type RateLimitGroup = 'Light' | 'Medium' | 'Heavy' | 'Auth';

export interface RateLimitConfig {
	limit: number;
	windowSeconds: number;
	/** Defaults to windowSeconds. */
	penaltySeconds?: number;
	/** Count the requests of the last windowSeconds instead of fixed windows (RingCentral does not say which it uses). */
	sliding?: boolean;
}

export interface PhoneNumberFixture {
	id: string;
	phoneNumber: string;
	usageType: string;
	paymentType: string;
	type: string;
	features: string[];
	label?: string;
}

export interface EmulatorOptions {
	/** Default 0: the OS picks a free port. */
	port?: number;
	clientId?: string;
	clientSecret?: string;
	jwt?: string;
	/** Default 3600. */
	accessTokenTtlSeconds?: number;
	/** Default 604800. */
	refreshTokenTtlSeconds?: number;
	/** Groups not given are effectively unlimited (100000 per 60 s), headers are still sent. */
	rateLimits?: Partial<Record<RateLimitGroup, RateLimitConfig>>;
	/** Default: DEFAULT_PHONE_NUMBERS. */
	phoneNumbers?: PhoneNumberFixture[];
	/** Page size when the client sends no perPage. Default 100. */
	phoneNumbersPerPage?: number;
	/** High Volume SMS (a2p.ts). */
	a2p?: A2pOptions;
}

export interface A2pOptions {
	/**
	 * Multiplies every High Volume SMS duration: a batch processes one message a second and each
	 * is delivered 2 s after it was sent (default 1). Tests use e.g. 0.001.
	 */
	timeScale?: number;
}

export interface ResolvedEmulatorOptions {
	port: number;
	clientId: string;
	clientSecret: string;
	jwt: string;
	accountId: string;
	extensionId: string;
	accessTokenTtlSeconds: number;
	refreshTokenTtlSeconds: number;
	rateLimits: Partial<Record<RateLimitGroup, RateLimitConfig>>;
	phoneNumbers: PhoneNumberFixture[];
	phoneNumbersPerPage: number;
	a2p: Required<A2pOptions>;
}

export type FaultKind =
	/** Respond with this status/body. processed=true: the request was handled (message stored) before the error. */
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; processed?: boolean }
	/** Destroy the socket without any response. */
	| { kind: 'drop'; processed?: boolean }
	/** Wait ms before answering normally. processed (default true): handled before the wait. */
	| { kind: 'delay'; ms: number; processed?: boolean }
	/** 200, content-type application/json, body that is not valid JSON. */
	| { kind: 'malformedJson'; processed?: boolean }
	/** 429 CMN-301; Retry-After only when retryAfterSeconds is given. Never processed. */
	| { kind: 'rateLimited'; retryAfterSeconds?: number }
	/** 401 OAU-128. Never processed. */
	| { kind: 'expiredToken' };

export interface Fault {
	method?: string;
	/** Matched against the URL pathname (string: exact match). */
	path: string | RegExp;
	/** Applies to the next `count` matching requests. */
	count: number;
	fault: FaultKind;
}

export interface JournalPart {
	name: string;
	fileName?: string;
	contentType?: string;
	size: number;
	sha256: string;
}

export interface JournalEntry {
	seq: number;
	time: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** Lowercase names. */
	headers: Record<string, string>;
	/** null when the connection was dropped (or the response is still pending). */
	status: number | null;
	group?: RateLimitGroup;
	/** Parsed JSON body, urlencoded form as an object, or the JSON part of a multipart body. */
	body?: unknown;
	/** Every multipart part in order, the JSON part included. */
	parts?: JournalPart[];
	fault?: FaultKind['kind'];
	/** Set when a message was accepted (stored). */
	messageId?: string;
	/** errors[0].errorCode of an error response. */
	errorCode?: string;
}

/** MessageAttachmentInfo as RingCentral returns it. */
export interface MessageAttachmentInfo {
	id: number;
	uri: string;
	type: 'Text' | 'MmsAttachment' | string;
	contentType: string;
	fileName?: string;
	size?: number;
}

/** GetSMSMessageInfoResponse of RingCentral's API reference (createSMSMessage), the body of an accepted send. */
export interface MessageInfo {
	uri: string;
	id: number;
	to: Array<{ phoneNumber: string; messageStatus?: string }>;
	from: { phoneNumber: string };
	type: 'SMS';
	creationTime: string;
	readStatus: 'Read' | 'Unread';
	priority: 'Normal' | 'High';
	attachments: MessageAttachmentInfo[];
	direction: 'Inbound' | 'Outbound';
	availability: 'Alive' | 'Deleted' | 'Purged';
	/** The text; absent for an MMS without text. */
	subject?: string;
	messageStatus: string;
	smsSendingAttemptsCount: number;
	conversationId: number;
	conversation: { id: string; uri: string };
	lastModifiedTime: string;
}

export interface StoredMessage {
	id: string;
	from: string;
	to: string[];
	text?: string;
	attachments: JournalPart[];
	/** The GetSMSMessageInfoResponse that was returned. */
	info: MessageInfo;
}
