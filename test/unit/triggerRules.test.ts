// Pure rules of the trigger: where a token may go, what an attachment URI yields, when filters match.
import { trustedOrigin } from '../../credentials/common/ringcentral/server';
import { attachmentTarget } from '../../nodes/RingCentral/trigger/attachments';
import { eventFiltersFor, sameEventFilters } from '../../nodes/RingCentral/trigger/eventFilters';

const RC = 'https://platform.ringcentral.com';

describe('the token goes to the credential\'s server or a RingCentral media host, nowhere else', () => {
	test.each([
		['https://media.ringcentral.com', 'https://media.ringcentral.com'],
		['https://media.ringcentral.com:443', 'https://media.ringcentral.com'],
		['https://media.ringcentral.biz', 'https://media.ringcentral.biz'],
		['https://media.devtest.ringcentral.com', 'https://media.devtest.ringcentral.com'],
		['https://MEDIA-eu.ringcentral.com', 'https://media-eu.ringcentral.com'],
		['https://platform.ringcentral.com', RC],
	])('%s is taken', (origin, expected) => expect(trustedOrigin(RC, origin)).toBe(expected));

	test.each([
		'http://media.ringcentral.com',
		'https://media.ringcentral.com:8443',
		'https://media.ringcentral.com.evil.example',
		'https://evilmedia.ringcentral.com.example',
		'https://media.ringcentral.co',
		'https://user:pw@media.ringcentral.com',
		'https://ringcentral.com',
		'https://api.ringcentral.com',
		'http://127.0.0.1:9999',
		'not a url',
	])('%s is refused', (origin) => expect(trustedOrigin(RC, origin)).toBeUndefined());

	test('a Custom URL server (with a path) is its own origin', () => {
		expect(trustedOrigin('http://127.0.0.1:4000/rc', 'http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/rc');
	});
});

test('an attachment URI yields its origin and IDs only', () => {
	expect(attachmentTarget('https://media.ringcentral.com/restapi/v1.0/account/37439510/extension/62264425016/message-store/1724099032020/content/1724099032020?x=1')).toEqual({
		origin: 'https://media.ringcentral.com',
		params: { accountId: '37439510', extensionId: '62264425016', messageId: '1724099032020', attachmentId: '1724099032020' },
	});
	expect(attachmentTarget('https://media.ringcentral.com/restapi/v1.0/account/1/extension/2/message-store/3/content/4/../../x')).toBeUndefined();
	expect(attachmentTarget(undefined)).toBeUndefined();
});

describe('a subscription\'s filters match the wanted ones with ~ shown as IDs', () => {
	const wanted = eventFiltersFor(['inboundMessage'], ['~', '62264425016']);
	test('IDs in place of ~ match', () => {
		expect(sameEventFilters(wanted, ['/restapi/v1.0/account/100/extension/62264425016/message-store/instant?type=SMS', '/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS'])).toBe(true);
	});
	test('a missing or extra extension does not', () => {
		expect(sameEventFilters(wanted, ['/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS'])).toBe(false);
		expect(sameEventFilters(eventFiltersFor(['inboundMessage'], ['~']), ['/restapi/v1.0/account/100/extension/5/message-store/instant?type=SMS', '/restapi/v1.0/account/100/extension/6/message-store/instant?type=SMS'])).toBe(false);
		expect(sameEventFilters(wanted, ['/restapi/v1.0/account/100/extension/101/presence', '/restapi/v1.0/account/100/extension/62264425016/message-store/instant?type=SMS'])).toBe(false);
	});
});
