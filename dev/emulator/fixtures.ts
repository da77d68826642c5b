// The app, JWT, account and phone numbers the emulator knows by default.
import type { PhoneNumberFixture } from './types';

/** The one valid app, JWT credential and user the emulator knows. */
export const EMULATOR_DEFAULTS = {
	clientId: 'emulator-client-id',
	clientSecret: 'emulator-client-secret',
	jwt: 'emulator-jwt-credential',
	accountId: '100',
	extensionId: '101',
};

/** The demo sender: first number, can send SMS, MMS and international SMS. */
export const DEFAULT_FROM = '+16505550100';

/** The High Volume SMS (A2P) sender: a local 10DLC number with the A2PSmsSender feature. */
export const DEFAULT_A2P_FROM = '+16505550120';

/**
 * The extension's numbers. Mixes features on purpose so a node's "From" list
 * filtering and paging (perPage 3 → 3 pages) can be tested.
 */
export const DEFAULT_PHONE_NUMBERS: PhoneNumberFixture[] = [
	{
		id: '1001',
		phoneNumber: DEFAULT_FROM,
		usageType: 'DirectNumber',
		paymentType: 'Local',
		type: 'VoiceFax',
		features: ['CallerId', 'SmsSender', 'MmsSender', 'InternationalSmsSender'],
		label: 'Main direct line',
	},
	{
		// Toll-free numbers never get MmsSender (https://developers.ringcentral.com/guide/messaging/sms/sms-requirements).
		id: '1002',
		phoneNumber: '+18885550100',
		usageType: 'DirectNumber',
		paymentType: 'TollFree',
		type: 'VoiceFax',
		features: ['CallerId', 'SmsSender'],
		label: 'Toll-free',
	},
	{
		id: '1003',
		phoneNumber: '+16505550101',
		usageType: 'DirectNumber',
		paymentType: 'Local',
		type: 'VoiceOnly',
		features: ['CallerId'],
		label: 'Caller ID only',
	},
	{
		id: '1004',
		phoneNumber: '+16505550102',
		usageType: 'CompanyFaxNumber',
		paymentType: 'Local',
		type: 'FaxOnly',
		features: [],
		label: 'Fax line',
	},
	{
		id: '1005',
		phoneNumber: '+16505550103',
		usageType: 'DirectNumber',
		paymentType: 'Local',
		type: 'VoiceFax',
		features: ['CallerId', 'SmsSender', 'MmsSender'],
		label: 'Second line',
	},
	{
		id: '1006',
		phoneNumber: '+16505550110',
		usageType: 'MainCompanyNumber',
		paymentType: 'Local',
		type: 'VoiceFax',
		features: ['CallerId'],
	},
	{
		id: '1007',
		phoneNumber: '+16505550104',
		usageType: 'DirectNumber',
		paymentType: 'Local',
		type: 'VoiceFax',
		features: ['CallerId', 'SmsSender'],
		label: 'SMS only',
	},
	{
		// High Volume numbers carry A2PSmsSender instead of SmsSender, never both
		// (https://developers.ringcentral.com/guide/messaging/sms/high-volume/toll-free-sms-vs-local-numbers).
		id: '1008',
		phoneNumber: DEFAULT_A2P_FROM,
		usageType: 'DirectNumber',
		paymentType: 'Local',
		type: 'VoiceFax',
		features: ['CallerId', 'A2PSmsSender'],
		label: 'Campaigns (10DLC)',
	},
	{
		id: '1009',
		phoneNumber: '+18445550120',
		usageType: 'DirectNumber',
		paymentType: 'TollFree',
		type: 'VoiceFax',
		features: ['CallerId', 'A2PSmsSender'],
		label: 'Campaigns (toll-free)',
	},
];
