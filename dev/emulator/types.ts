// Public types of the RingCentral emulator. Other code (tests, demo, benchmarks)
// is written against these names, so change them only additively.

export type RateLimitGroup = 'Light' | 'Medium' | 'Heavy' | 'Auth';

export interface RateLimitConfig {
	limit: number;
	windowSeconds: number;
	/** Defaults to windowSeconds (RingCentral's defaults: a 60 s window and a 60 s penalty). */
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
	/**
	 * Groups not given keep RingCentral's documented defaults (RINGCENTRAL_RATE_LIMITS: Light 50,
	 * Medium 40, Heavy 10, Auth 5 requests per 60 s, 60 s penalty). A test that needs more
	 * throughput scales the window down, e.g. { Medium: { limit: 40, windowSeconds: 0.05 } },
	 * rather than lifting the limit.
	 */
	rateLimits?: Partial<Record<RateLimitGroup, RateLimitConfig>>;
	/**
	 * Active sessions one user may hold with one app; a further login (JWT or authorization code
	 * grant) ends the oldest. Default 5, RingCentral's "usually five".
	 */
	maxSessionsPerUser?: number;
	/** Default: DEFAULT_PHONE_NUMBERS. */
	phoneNumbers?: PhoneNumberFixture[];
	/** Page size when the client sends no perPage. Default 100. */
	phoneNumbersPerPage?: number;
	/** How stored messages change status over time, and bulk-read limits (messageStatus.ts). */
	messageStore?: MessageStoreOptions;
	/** High Volume SMS (a2p.ts). */
	a2p?: A2pOptions;
}

/** What happens to a message sent to one number: the emulator's stand-in for carriers. */
export type RecipientOutcome =
	| { status: 'Delivered' }
	| { status: 'DeliveryFailed' | 'SendingFailed'; errorCode: string }
	/** The carrier never reports delivery: the message stays Sent. */
	| { status: 'Sent' };

export interface MessageStoreOptions {
	/** Seconds a new outbound message stays Queued. Default 1. */
	queuedSeconds?: number;
	/** Seconds from creation to Delivered or DeliveryFailed. Default 3. */
	deliveredSeconds?: number;
	/** Up to this many seconds more, spread over messages by their id. Default 0. */
	deliveryJitterSeconds?: number;
	/** Multiplies every duration above, e.g. 0.01 for fast tests. Default 1. */
	timeScale?: number;
	/** Outcomes by recipient number, over DEFAULT_RECIPIENT_OUTCOMES; other numbers get Delivered. */
	recipients?: Record<string, RecipientOutcome>;
	/** Most IDs one bulk read may name. Default 30. */
	bulkReadLimit?: number;
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
	/** Every group: the options' configs over RINGCENTRAL_RATE_LIMITS. */
	rateLimits: Record<RateLimitGroup, RateLimitConfig>;
	maxSessionsPerUser: number;
	phoneNumbers: PhoneNumberFixture[];
	phoneNumbersPerPage: number;
	messageStore: Required<MessageStoreOptions>;
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
	| { kind: 'expiredToken' }
	/** The status line and a Content-Length for the whole answer, then only `bytes` of it (default 24) and the socket closed (FIN). processed default true. */
	| { kind: 'truncated'; status?: number; bytes?: number; processed?: boolean }
	/** The whole answer, one byte every `intervalMs` (a body that trickles past a client's timeout). Always processed. */
	| { kind: 'trickle'; intervalMs: number };

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
	/** Sent messages are SMS (MMS too); the store also holds received Fax, VoiceMail and Pager messages. */
	type: 'SMS' | 'Fax' | 'VoiceMail' | 'Pager';
	creationTime: string;
	readStatus: 'Read' | 'Unread';
	priority: 'Normal' | 'High';
	attachments: MessageAttachmentInfo[];
	direction: 'Inbound' | 'Outbound';
	availability: 'Alive' | 'Deleted' | 'Purged';
	/** The text; absent for an MMS without text. */
	subject?: string;
	messageStatus: string;
	/** Message store only: the gateway's code of a failed delivery, e.g. SMS-CAR-411. */
	deliveryErrorCode?: string;
	/** Message store only: when the carrier reported delivery. */
	smsDeliveryTime?: string;
	smsSendingAttemptsCount?: number;
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
	/** The GetSMSMessageInfoResponse that was returned; the message store keeps its status current. */
	info: MessageInfo;
	/** Bytes of the attachments by attachment id, for content downloads (a Text attachment is the text). */
	content?: Record<string, Buffer>;
}
