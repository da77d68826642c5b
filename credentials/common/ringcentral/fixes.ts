/** What a user can do about RingCentral's error codes, grouped by area, one text per fix. */

const FROM_LIST = 'Pick the sender from the From list: it shows only numbers that RingCentral enabled for this kind of message.';

interface Fix {
	codes: string[];
	fix: string;
}

/** Error codes of https://developers.ringcentral.com/guide/messaging/sms/sending-sms and the API reference. */
const AREAS: Record<string, Fix[]> = {
	sender: [
		{ codes: ['MSG-242'], fix: `The From number cannot send SMS. ${FROM_LIST} An admin can enable SMS on a number in the RingCentral Admin Portal.` },
		{ codes: ['MSG-367'], fix: `The From number cannot send this message (toll-free numbers cannot send MMS). ${FROM_LIST}` },
		{ codes: ['MSG-245', 'MSG-304'], fix: 'The From number does not belong to the authenticated user. Pick it from the From list, or set Options > Extension ID to the extension that owns it.' },
		{ codes: ['MSG-403'], fix: 'Toll-free numbers cannot send international SMS. Pick another From number.' },
	],
	account: [
		{ codes: ['MSG-380', 'BIL-103'], fix: 'MMS is not enabled for this RingCentral account. Ask your RingCentral admin or send an SMS instead.' },
		{ codes: ['MSG-240'], fix: 'International SMS is not enabled for this account or number. Ask your RingCentral admin.' },
		{ codes: ['MSG-384'], fix: 'The account reached its messaging limits. Ask your RingCentral admin.' },
		{ codes: ['CMN-102'], fix: 'RingCentral could not find the account, extension or resource. Check Options > Account ID and Extension ID (use ~ for the authenticated user).' },
	],
	permissions: [
		{ codes: ['CMN-408'], fix: "The RingCentral user of this credential lacks the OutboundSMS permission. An admin grants it in the Admin Portal (the user's role must include SMS sending)." },
		{ codes: ['CMN-419'], fix: 'Sending for another extension needs the OutboundSMS permission with extended scope. Clear Options > Extension ID, or ask an admin for that permission.' },
		{ codes: ['CMN-401'], fix: 'The RingCentral app lacks the permission named in the message. Add it to the app in the RingCentral Developer Console: sending needs SMS and ReadAccounts, High Volume SMS needs A2P SMS, the Message operations need ReadMessages, the trigger needs ReadMessages and WebhookSubscriptions.' },
	],
	recipients: [
		{ codes: ['MSG-381'], fix: 'A group message takes at most 10 recipients. Send one item per recipient, or split the group.' },
		{ codes: ['MSG-246'], fix: 'Messages go to and from phone numbers, not extension numbers. Enter full phone numbers.' },
		{ codes: ['MSG-247'], fix: 'RingCentral does not send to short codes. Enter a full phone number.' },
		{ codes: ['MSG-243'], fix: 'The recipient number is blocked. Remove it from the To field.' },
	],
	content: [
		{ codes: ['MSG-337'], fix: 'The attachments exceed 1,500,000 bytes in total. Compress or resize them, or send them over several messages.' },
		{ codes: ['MSG-338'], fix: 'The message is too large. Shorten the text (at most 1000 characters) or send fewer or smaller files.' },
		{ codes: ['MSG-347'], fix: 'An attachment is empty. Check the node that produced the file.' },
		{ codes: ['MSG-348'], fix: 'An attachment has a type RingCentral does not send by MMS. Convert it to an image, video, audio, vCard, PDF or text file.' },
		{ codes: ['MSG-351'], fix: 'An attachment has no file name. Set a file name on the binary data.' },
		{ codes: ['CMN-101'], fix: 'RingCentral refused a parameter. Check the field named in the message.' },
	],
	subscriptions: [
		{ codes: ['SUB-505'], fix: "This RingCentral user already has 30 subscriptions for this app, RingCentral's limit. Deactivate RingCentral Trigger workflows you no longer need; each active trigger (and each editor test) holds one." },
		{ codes: ['SUB-520', 'SUB-521', 'SUB-525'], fix: "RingCentral could not validate n8n's webhook URL. n8n must be reachable from the internet over HTTPS: set WEBHOOK_URL to n8n's public https:// address (a tunnel for a local n8n), and make sure nothing in front of n8n changes its answers." },
		{ codes: ['SUB-523'], fix: "RingCentral delivers only to https:// addresses. Set n8n's WEBHOOK_URL to its public https:// address." },
	],
	rateLimits: [
		{ codes: ['CMN-301', 'CMN-302', 'MSG-305'], fix: 'RingCentral kept rejecting requests for exceeding its rate limit. Raise Options > Max Rate Limit Wait, or send fewer messages per run.' },
	],
};

const BY_CODE = new Map(Object.values(AREAS).flatMap((fixes) => fixes.flatMap(({ codes, fix }) => codes.map((code) => [code, fix] as const))));

export const CREDENTIAL_REFUSED =
	'RingCentral refused the credential. Open the RingCentral credential and test it; for JWT, check the Client ID, Client Secret and JWT, for OAuth2 reconnect the account.';

/** The fix for a RingCentral error of the node's requests, or undefined when there is none to give. */
export function fixFor(code: string, status: number): string | undefined {
	return BY_CODE.get(code) ?? (code.startsWith('OAU-') || status === 401 ? CREDENTIAL_REFUSED : undefined);
}

/** Fixes for the token endpoint's answers (https://developers.ringcentral.com/guide/authentication/jwt-flow). */
export const TOKEN_FIXES = {
	rateLimited: 'RingCentral allows only a few token requests a minute (Auth group, 5 per minute). Wait a minute and try again, or raise Options > Max Rate Limit Wait.',
	client: "Copy the Client ID and Client Secret again from the app's Credentials page in the RingCentral Developer Console, and check the Server setting.",
	flow: 'Enable the JWT auth flow for this app in the RingCentral Developer Console (Settings > Auth).',
	jwt: 'Generate a new JWT for this app (Developer Console > Credentials) and check that it was made for the selected Server and this Client ID.',
	server: 'Nothing is wrong with the credential: RingCentral could not answer just now. Run the workflow again in a moment; https://status.ringcentral.com shows outages.',
	redirect: "RingCentral's API never redirects, so the redirect was not followed and nothing secret was sent there. Check the credential's Server setting.",
} as const;
