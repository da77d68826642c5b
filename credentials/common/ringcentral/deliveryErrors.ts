/**
 * What a failed delivery's `deliveryErrorCode` (or a High Volume batch's `rejected[].errorCode`) means and what to do about it, after RingCentral's
 * "Handling SMS Messaging Errors" (https://developers.ringcentral.com/guide/messaging/sms/sms-errors).
 */

export interface DeliveryError {
	/** Who refused it and why, in a few words. */
	meaning: string;
	fix: string;
}

const OPT_OUT: DeliveryError = {
	meaning: 'the recipient opted out of texts from this number',
	fix: 'The recipient opted out from this sender (replied STOP): remove the number from your list, e.g. with High Volume SMS > Get Opt-Outs before a campaign. To receive texts again the recipient must reply START to your RingCentral number; ask them by another channel.',
};
const NOT_MOBILE: DeliveryError = {
	meaning: 'the number is invalid, unallocated or cannot receive texts (e.g. a landline)',
	fix: 'Check the recipient number; reach landlines by phone call instead.',
};
const SPAM: DeliveryError = {
	meaning: 'the message was filtered as spam',
	fix: "A spam filter blocked it: reword the message within RingCentral's SMS content policies and your registered 10DLC or toll-free use case; avoid link shorteners.",
};
const SENDER_NOT_ENABLED: DeliveryError = {
	meaning: 'the From number is not set up to send texts',
	fix: 'Ask your RingCentral admin to enable SMS on the number (and its 10DLC or toll-free registration).',
};
const RETRY_LATER: DeliveryError = { meaning: 'a temporary failure', fix: 'Send it again later; contact RingCentral support if it keeps happening.' };
const DAILY_LIMIT: DeliveryError = {
	meaning: 'the carrier refused it: the 10DLC brand or campaign reached its daily limit',
	fix: "Send fewer messages a day, or ask RingCentral support to review your brand's and campaign's throughput.",
};
const SUPPORT: DeliveryError = { meaning: "an error inside RingCentral's messaging service", fix: 'Open a case with RingCentral developer support.' };

const CODES: Record<string, DeliveryError> = {
	'SMS-RC-403': { meaning: 'the account reached its daily or monthly messaging limit', fix: 'Ask your RingCentral account administrator to raise the limit, or send later.' },
	'SMS-RC-410': NOT_MOBILE,
	'SMS-RC-413': OPT_OUT,
	'SMS-RC-430': { ...SPAM, meaning: "RingCentral's filter blocked the message as spam" },
	'SMS-RC-500': SUPPORT,
	'SMS-RC-501': SUPPORT,
	'SMS-RC-503': { meaning: 'RingCentral provisioned the From number incorrectly', fix: 'Contact RingCentral customer support about the From number.' },
	'SMS-RC-504': { meaning: "the account's SMS provider configuration is invalid", fix: 'Ask your RingCentral account administrator.' },
	'SMS-UP-410': NOT_MOBILE,
	'SMS-UP-413': OPT_OUT,
	'SMS-UP-414': SENDER_NOT_ENABLED,
	'SMS-UP-430': SPAM,
	'SMS-UP-431': { meaning: 'the From number was flagged for spam and can no longer send', fix: 'Ask your RingCentral admin; send from another number meanwhile.' },
	'SMS-UP-432': { meaning: 'the message is too long', fix: 'Keep the text under 1000 characters.' },
	'SMS-UP-433': { meaning: 'the message could not be delivered as written', fix: 'Revise the text and send it again.' },
	'SMS-UP-500': RETRY_LATER,
	'SMS-CAR-104': { meaning: 'the carrier has not reported a delivery status yet', fix: 'Check the message again in an hour (Message > Get).' },
	'SMS-CAR-199': { meaning: 'the carrier reports an unknown status: the message may have been delivered', fix: 'Nothing certain can be done; do not resend automatically, or the recipient may get it twice.' },
	'SMS-CAR-400': { meaning: "the recipient's carrier does not support this kind of messaging", fix: 'Reach the recipient by phone call.' },
	'SMS-CAR-410': { meaning: 'the message expired before it reached the carrier', fix: RETRY_LATER.fix },
	'SMS-CAR-411': NOT_MOBILE,
	'SMS-CAR-412': { meaning: 'the recipient is unavailable', fix: 'Check the number, or reach the recipient another way.' },
	'SMS-CAR-413': OPT_OUT,
	'SMS-CAR-414': SENDER_NOT_ENABLED,
	'SMS-CAR-430': { ...SPAM, meaning: "the recipient's carrier blocked the message as spam" },
	'SMS-CAR-431': { meaning: 'the carrier rejected it without a reason', fix: RETRY_LATER.fix },
	'SMS-CAR-432': { meaning: 'the message is too long for this carrier', fix: 'Some carriers take no multi-part texts: keep it within 160 characters.' },
	'SMS-CAR-433': { meaning: 'the carrier found the message malformed', fix: 'Revise the text and send it again.' },
	'SMS-CAR-434': { meaning: 'the files are too large for the carrier', fix: 'Send smaller or fewer files.' },
	'SMS-CAR-435': { meaning: 'the carrier refuses shortened links', fix: 'Use full links on your own domain instead of a link shortener.' },
	'SMS-CAR-450': DAILY_LIMIT,
	'SMS-CAR-451': DAILY_LIMIT,
	'SMS-CAR-452': DAILY_LIMIT,
	'SMS-CAR-460': { meaning: 'the destination refuses short-code messaging', fix: 'Reach the recipient another way.' },
	'SMS-CAR-461': { meaning: 'carriers block texts from toll-free numbers that are not verified', fix: 'Complete toll-free verification for the From number (RingCentral Admin Portal or support).' },
	'SMS-CAR-500': { meaning: "the recipient's carrier reports a general failure", fix: 'Wait a while and send it again.' },
};

const SOURCES: Record<string, string> = {
	'SMS-RC-': 'RingCentral refused to pass it on',
	'SMS-UP-': "RingCentral's upstream provider refused it",
	'SMS-CAR-': "the recipient's carrier refused it",
};

/** The fix for a delivery error code RingCentral documents, or undefined for any other code. */
export function deliveryErrorFix(code: string): string | undefined {
	return CODES[code.toUpperCase()]?.fix;
}

/** The meaning and fix of a delivery error code; unknown codes are explained by their prefix. */
export function explainDeliveryError(code: string | undefined): DeliveryError {
	if (!code) return { meaning: 'RingCentral gave no error code', fix: 'Look the message up in the RingCentral message log; check the recipient number.' };
	const known = CODES[code.toUpperCase()];
	if (known) return known;
	const source = Object.keys(SOURCES).find((prefix) => code.toUpperCase().startsWith(prefix));
	return {
		meaning: source ? SOURCES[source] : 'an error code this node does not know',
		fix: 'See https://developers.ringcentral.com/guide/messaging/sms/sms-errors for the code.',
	};
}
