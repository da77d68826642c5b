import { receiveMessage } from '../../../dev/emulator';
import { runRingCentral } from '../../../dev/harness/engine';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { credentialStore, messageParameters, smsParameters, storeRequests } from '../../../dev/harness/setup';

// Statuses change at 1/20 speed: Queued for 50 ms, Delivered or failed after 150 ms.
const emulator = useEmulator({ messageStore: { timeScale: 0.05 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(messageId: string | number, options = {}) {
	return await runRingCentral({ parameters: messageParameters('get', { messageId, options }), credentials: credentialStore(emulator) });
}

describe('Message > Get', () => {
	test("a sent SMS is in the message store: its info with the carrier's current status", async () => {
		const sent = await runRingCentral({ parameters: smsParameters({ to: '+14155550190' }), credentials: credentialStore(emulator) });
		const id = String(sent.output[0].json.id);
		await sleep(200);
		const { output, error } = await get(id);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ id: Number(id), direction: 'Outbound', messageStatus: 'DeliveryFailed', deliveryErrorCode: 'SMS-CAR-411', subject: 'Hello from n8n' });
		const [request] = storeRequests(emulator);
		expect(request).toMatchObject({ path: `/restapi/v1.0/account/~/extension/~/message-store/${id}`, group: 'Light', status: 200 });
	});

	test('a received message, the ID given as a number, another extension from Options', async () => {
		const stored = receiveMessage(emulator, { from: '+14155550177', text: 'Hi' });
		const { output } = await get(Number(stored.id), { extensionId: '101' });
		expect(output[0].json).toMatchObject({ direction: 'Inbound', messageStatus: 'Received', subject: 'Hi' });
		expect(storeRequests(emulator)[0].path).toBe(`/restapi/v1.0/account/~/extension/101/message-store/${stored.id}`);
	});

	test('an unknown ID says the message is not in that store', async () => {
		const { error } = await get('123456');
		expect(error?.message).toBe("Message 123456 was not found in the authenticated user's message store (RingCentral error CMN-102)");
		expect(error?.description).toMatch(/Extension ID/);
	});

	test.each([
		['abc', /Invalid Message ID "abc": a RingCentral ID has only digits/],
		['={{ $json.missing }}', /Invalid Message ID "": no ID was given/],
		[1.5, /Invalid Message ID "1.5": the number is not a whole number/],
		['12,13', /only digits/],
	])('the Message ID %p is refused before any request', async (messageId, message) => {
		const { error } = await get(messageId);
		expect(error?.message).toMatch(message);
		expect(emulator.journal).toHaveLength(0);
	});
});
